import { parseDiagnosticsOf } from '../../utils/parse-diagnostics';
import { readJsonIfValid } from '../../utils/json';
import { parse as parseJsonc } from 'jsonc-parser';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import * as semver from 'semver';
import type { ts as TypeScript } from 'ts-morph';
import { ReadyError } from '../../utils/errors';

let typescriptApi: typeof TypeScript | undefined;
/**
 * TypeScript's API (ts-morph's copy), loaded at the first call: it takes half a second to load,
 * and the project graph, which every Nx command builds, needs none of it (see extendedConfigFiles).
 */
function typescript(): typeof TypeScript {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  typescriptApi ??= (require('ts-morph') as typeof import('ts-morph')).ts;
  return typescriptApi;
}

/**
 * The flags `strict` turns on, with the TypeScript version that introduced each: a flag the
 * workspace's compiler does not know is not a gap.
 */
export const STRICT_FLAGS = [
  { name: 'noImplicitAny', since: '0.0.0' },
  { name: 'noImplicitThis', since: '2.0.0' },
  { name: 'alwaysStrict', since: '2.1.0' },
  { name: 'strictNullChecks', since: '2.0.0' },
  { name: 'strictFunctionTypes', since: '2.6.0' },
  { name: 'strictPropertyInitialization', since: '2.7.0' },
  { name: 'strictBindCallApply', since: '3.2.0' },
  { name: 'useUnknownInCatchVariables', since: '4.4.0' },
  { name: 'strictBuiltinIteratorReturn', since: '5.6.0' },
] as const;

export type StrictFlag = (typeof STRICT_FLAGS)[number]['name'];

export interface TsConfigInfo {
  /** Absolute path of the tsconfig. */
  path: string;
  /** Compiler options after following `extends`, as written (no defaults applied). */
  options: TypeScript.CompilerOptions;
  /** Absolute paths of every config this one extends, nearest first. */
  extendedFiles: string[];
  /** A solution-style config (`"files": []` and no `include`) type-checks nothing itself. */
  compilesNothing: boolean;
  /** The files `files`/`include`/`exclude` select: the program's root files. */
  fileNames: string[];
}

/** `tsconfig.json`, `tsconfig.app.json`, `tsconfig.spec.json`, …: the names TypeScript configs go by. */
export const TSCONFIG_FILE = /^tsconfig(\..+)?\.json$/;

/** Every `tsconfig*.json` directly in the project root: the app/lib, spec and solution configs. */
export function listProjectTsConfigs(workspaceRoot: string, projectRoot: string): string[] {
  const dir = join(workspaceRoot, projectRoot);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => TSCONFIG_FILE.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * The files a tsconfig extends, nearest first, followed through every `extends` (a string or, since
 * TypeScript 5.0, a list): relative and absolute paths (".json" added when the path has none), and
 * package specifiers resolved as Node resolves them from the config's folder, symlinks followed (a
 * shared config package of the workspace is a file of the workspace). A light reader for the
 * project graph: no TypeScript, and a file it cannot read or resolve ends that branch silently
 * (the ready target reports a broken tsconfig, with the file and the fix).
 */
export function extendedConfigFiles(path: string, cache: Map<string, string[]> = new Map()): string[] {
  const chain = (file: string, seen: Set<string>): string[] => {
    const known = cache.get(file);
    if (known) return known;
    let config: { extends?: unknown };
    try {
      const text = readFileSync(file, 'utf8');
      // Most tsconfigs are plain JSON, which the engine's own parser reads many times faster; the
      // ones with comments or trailing commas go to the JSONC parser, as tsc reads them.
      config = parseJsonFast(text) ?? parseJsonc(text, [], { allowTrailingComma: true }) ?? {};
    } catch {
      return [];
    }
    const specs = Array.isArray(config.extends) ? config.extends : typeof config.extends === 'string' ? [config.extends] : [];
    const found: string[] = [];
    for (const spec of specs.filter((x): x is string => typeof x === 'string')) {
      const target = resolveExtends(spec, dirname(file));
      if (!target || seen.has(target)) continue; // a cycle is tsc's to report
      for (const f of [target, ...chain(target, new Set([...seen, target]))]) if (!found.includes(f)) found.push(f);
    }
    cache.set(file, found);
    return found;
  };
  return chain(path, new Set([path]));
}

/** The value of a plain JSON text, or undefined when it is not plain JSON (comments, trailing commas). */
function parseJsonFast(text: string): { extends?: unknown } | undefined {
  try {
    return JSON.parse(text) as { extends?: unknown };
  } catch {
    return undefined;
  }
}

function resolveExtends(spec: string, fromDir: string): string | null {
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const base = resolve(fromDir, spec);
    return [base, `${base}.json`].find((f) => existsSync(f) && statSync(f).isFile()) ?? null;
  }
  for (const request of [spec, `${spec}.json`, `${spec}/tsconfig.json`]) {
    try {
      return realpathSync(require.resolve(request, { paths: [fromDir] }));
    } catch {
      // the next form
    }
  }
  return null;
}

/** Texts that stand in for the disk's (a Map of them, or an Nx Tree's view through `treeOverlay`), by absolute path. */
export type TextOverlay = Pick<ReadonlyMap<string, string>, 'get' | 'has'>;

/**
 * Reads a tsconfig and everything it extends with the TypeScript parser itself, so comments,
 * trailing commas and package `extends` behave exactly as in `tsc`. Only errors that make the
 * options unknowable (bad JSON, a missing extended file) are fatal: options unknown to this
 * parser, deprecations of newer TypeScript versions and "no inputs" are not ours to judge here.
 */
export function readTsConfig(path: string, workspaceRoot: string, overlay?: TextOverlay, read: { files?: boolean } = {}): TsConfigInfo {
  const display = relative(workspaceRoot, path) || path;
  let text: string;
  try {
    text = overlay?.get(path) ?? readFileSync(path, 'utf8');
  } catch {
    throw new ReadyError(`Cannot read ${display}: make sure the file exists and is readable.`);
  }
  const source = typescript().parseJsonText(path, text);
  const syntax = parseDiagnosticsOf<TypeScript.Diagnostic>(source);
  if (syntax.length > 0) throw tsconfigError(display, syntax[0]);
  // `files: false` reads the options only: no walk of the folders `include` names (fileNames is empty).
  const readDirectory = read.files === false ? () => [] : typescript().sys.readDirectory;
  const host: TypeScript.ParseConfigHost =
    overlay || read.files === false
      ? {
          useCaseSensitiveFileNames: typescript().sys.useCaseSensitiveFileNames,
          readDirectory,
          fileExists: (f) => overlay?.has(f) || typescript().sys.fileExists(f),
          readFile: (f) => overlay?.get(f) ?? typescript().sys.readFile(f),
        }
      : typescript().sys;
  const parsed = typescript().parseJsonSourceFileConfigFileContent(source, host, dirname(path), undefined, path);
  const fatal = parsed.errors.find((d) => d.code < 2000 || d.code === 6053 || d.code === 5083);
  if (fatal) throw tsconfigError(display, fatal);
  return {
    path,
    options: parsed.options,
    extendedFiles: [...((source as unknown as { extendedSourceFiles?: string[] }).extendedSourceFiles ?? [])],
    compilesNothing: Array.isArray(parsed.raw?.files) && parsed.raw.files.length === 0 && !parsed.raw?.include?.length,
    fileNames: parsed.fileNames,
  };
}

function tsconfigError(display: string, diagnostic: TypeScript.Diagnostic): ReadyError {
  const message = typescript().flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  let where = display;
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    where = `${relativeTo(display, diagnostic.file.fileName)}:${line + 1}:${character + 1}`;
  }
  return new ReadyError(`${where} is not a valid tsconfig (${message}): fix it, then run the command again.`);
}

function relativeTo(display: string, fileName: string): string {
  return fileName.endsWith(display) ? display : fileName;
}

/**
 * The TypeScript version the project really compiles with: the nearest node_modules/typescript
 * from the project root up to the workspace root, as Node would resolve it (read from disk each
 * time, so an install between two runs is seen).
 */
export function resolveTypeScriptVersion(workspaceRoot: string, projectRoot = '.'): string | null {
  let dir = resolve(workspaceRoot, projectRoot);
  const top = resolve(workspaceRoot);
  for (;;) {
    const pkg = join(dir, 'node_modules', 'typescript', 'package.json');
    if (existsSync(pkg)) {
      return readJsonIfValid<{ version?: string }>(pkg)?.version ?? null;
    }
    if (dir === top || dirname(dir) === dir) return null;
    dir = dirname(dir);
  }
}

/** TypeScript 6 made `strict` default to true; earlier versions default it to false. */
export function strictByDefault(typescriptVersion: string): boolean {
  const v = semver.coerce(typescriptVersion);
  return v !== null && semver.gte(v, '6.0.0');
}

export interface StrictFlagState {
  flag: StrictFlag;
  on: boolean;
  /** Where the value comes from: the flag itself, `strict`, or the compiler default. */
  source: 'flag' | 'strict' | 'default';
}

export function effectiveStrictFlags(options: TypeScript.CompilerOptions, typescriptVersion: string): StrictFlagState[] {
  const version = semver.coerce(typescriptVersion) ?? semver.coerce(typescript().version)!;
  const strictDefault = strictByDefault(version.version);
  return STRICT_FLAGS.filter((f) => semver.gte(version, f.since)).map(({ name }) => {
    const own = options[name] as boolean | undefined;
    if (own !== undefined) return { flag: name, on: own, source: 'flag' as const };
    if (options.strict !== undefined) return { flag: name, on: options.strict, source: 'strict' as const };
    return { flag: name, on: strictDefault, source: 'default' as const };
  });
}

/**
 * Does this compiler configuration read package.json "exports" when it resolves a package
 * (moduleResolution bundler, node16 or nodenext, set or implied by "module")? node10 and classic do not.
 */
export function resolvesPackageExports(options: TypeScript.CompilerOptions): boolean {
  const kind = typescript().ModuleResolutionKind;
  if (options.moduleResolution !== undefined) return [kind.Bundler, kind.Node16, kind.NodeNext].includes(options.moduleResolution);
  const module = typescript().ModuleKind;
  return [module.Node16, module.NodeNext, (module as unknown as Record<string, number>).Node18, module.Preserve]
    .filter((m) => m !== undefined)
    .includes(options.module as number);
}
