import { ts } from 'ts-morph';

/** A file's own word that it is a client module: 'use client' at its top, or a hook call. */
const SAYS_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/;
const CALLS_HOOK = /(^|[^\w$.])(React\.)?use[A-Z]\w*\s*\(/;

/**
 * The project files that are client modules only by who imports them: every project file that
 * imports one is a client module ('use client', a hook call, a pages-router file, or itself one of
 * these), so it is bundled for the browser though it says nothing. A file nothing imports (a page,
 * a layout) or that a possible Server Component imports is not among them. Imports are read with
 * TypeScript's own import scanner (`preProcessFile`), static and dynamic; `resolve` maps a
 * specifier to the project file it names, or null (a package).
 */
export function clientByImporters(
  files: ReadonlyMap<string, string>,
  resolve: (from: string, specifier: string) => string | null,
  isPagesRouterFile: (file: string) => boolean,
): Set<string> {
  const importers = new Map<string, Set<string>>();
  for (const [file, text] of files) {
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName } of importedFiles) {
      const target = resolve(file, fileName);
      if (target === null || target === file || !files.has(target)) continue;
      importers.set(target, new Set([...(importers.get(target) ?? []), file]));
    }
  }
  const saysClient = (file: string) => {
    const text = files.get(file) ?? '';
    return isPagesRouterFile(file) || SAYS_CLIENT.test(text) || CALLS_HOOK.test(text);
  };
  const client = new Set([...files.keys()].filter(saysClient));
  const found = new Set<string>();
  // To a fixed point: a file imported only from files found client is client too.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, from] of importers) {
      if (client.has(file) || from.size === 0 || ![...from].every((f) => client.has(f))) continue;
      client.add(file);
      found.add(file);
      grew = true;
    }
  }
  return found;
}
