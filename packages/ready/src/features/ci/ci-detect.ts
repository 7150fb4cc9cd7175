import { Tree, readJson } from '@nx/devkit';
import { parseAllDocuments } from 'yaml';
import type { ReadTree } from '../../core/workspace/files';
import { CI_FOLDERS, CI_ROOT_FILES } from './files';

export interface CiDetection {
  /** Every CI definition of the workspace, sorted. */
  files: string[];
  /** Those among them that run the ready target through `nx affected` or `nx run-many`. */
  runningReady: string[];
  runsReady: boolean;
}

/**
 * The CI definitions of the workspace and which of them run `nx affected -t ready` (or `nx
 * run-many -t ready`): in any spelling of the target list (`-t lint,ready`, `-t lint ready`,
 * `--targets=ready`, `--target ready`), through npx/pnpm/yarn/bun, directly or through a script of
 * the root package.json (`npm run ci`). Commands are read from the YAML's values, so a line that is
 * commented out does not count.
 */
export function ciRunsReady(tree: ReadTree, readyTarget = 'ready'): CiDetection {
  const files = ciDefinitionFiles(tree);
  const scripts = rootScripts(tree);
  const runningReady = files.filter((file) =>
    commandsOf(file, tree.read(file, 'utf-8') ?? '').some((c) => runsTarget(c, readyTarget, scripts, 0)),
  );
  return { files, runningReady, runsReady: runningReady.length > 0 };
}

/** The CI definitions at the root and the YAML files of the CI folders (one level of subfolders for .gitlab/). */
export function ciDefinitionFiles(tree: ReadTree): string[] {
  const files = CI_ROOT_FILES.filter((f) => tree.isFile(f));
  const yamlIn = (dir: string, depth: number): string[] =>
    tree.children(dir).flatMap((name) => {
      const path = `${dir}/${name}`;
      if (tree.isFile(path)) return /\.ya?ml$/.test(name) ? [path] : [];
      return depth > 0 ? yamlIn(path, depth - 1) : [];
    });
  for (const dir of CI_FOLDERS) if (tree.exists(dir)) files.push(...yamlIn(dir, 1));
  return files.sort();
}

/** The shell lines a CI file runs: every string value of its YAML documents, or the text without comments. */
export function commandsOf(file: string, text: string): string[] {
  let values: string[] = [];
  if (/\.ya?ml$/.test(file)) {
    const docs = parseAllDocuments(text);
    if (docs.every((d) => 'errors' in d && d.errors.length === 0)) {
      for (const doc of docs) collectStrings('toJS' in doc ? doc.toJS() : null, values);
    } else {
      values = [text.replace(/^\s*#.*$/gm, '')];
    }
  } else {
    values = [text.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '')];
  }
  return values.flatMap((v) =>
    v
      .replace(/\\\r?\n\s*/g, ' ')
      .split(/\r?\n|&&|\|\||;/)
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectStrings(v, into));
}

const NX_RUN = /(?:^|[\s(/'"`])nx(?:\.js)?\s+(?:affected|run-many)(?=\s|$)(.*)$/;
const PACKAGE_SCRIPT = /(?:^|\s)(?:npm\s+(?:run|run-script)|pnpm(?:\s+run)?|yarn(?:\s+run)?|bun\s+run)\s+([\w:.-]+)/;

/** Whether a shell line runs `target` through `nx affected` / `nx run-many`, or a root script that does. */
export function runsTarget(command: string, target: string, scripts: Record<string, string>, depth: number): boolean {
  const nx = NX_RUN.exec(command);
  if (nx && targetsOf(nx[1]).includes(target)) return true;
  const script = PACKAGE_SCRIPT.exec(command);
  if (script && depth < 3 && typeof scripts[script[1]] === 'string') {
    return commandsOf('package.json', scripts[script[1]]).some((c) => runsTarget(c, target, scripts, depth + 1));
  }
  return false;
}

/** The targets an `nx affected` / `nx run-many` argument list names, in every spelling Nx accepts. */
export function targetsOf(args: string): string[] {
  const tokens = args
    .trim()
    .split(/\s+/)
    .map((t) => t.replace(/^['"]|['"]$/g, ''));
  const targets: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const inline = /^(?:-t|--targets?)=(.+)$/.exec(tokens[i]);
    if (inline) targets.push(...inline[1].split(','));
    else if (/^(?:-t|--targets?)$/.test(tokens[i])) {
      for (i++; i < tokens.length && !tokens[i].startsWith('-'); i++) targets.push(...tokens[i].split(','));
      i--;
    }
  }
  return targets.map((t) => t.replace(/^['"]|['"]$/g, '')).filter(Boolean);
}

function rootScripts(tree: ReadTree): Record<string, string> {
  try {
    return readJson<{ scripts?: Record<string, string> }>(tree as Tree, 'package.json').scripts ?? {};
  } catch {
    return {};
  }
}
