import { join, posix } from 'node:path';
import type { ts } from 'ts-morph';
import { ReadTree, treeOverlay } from '../../core/workspace/files';
import { TsConfigInfo, listProjectTsConfigs, readTsConfig } from '../../core/workspace/tsconfig';
import { ErrorBag, TsError, toTsError } from '../../codemods/strict/diagnostics';

const TS_SOURCE = /\.[cm]?tsx?$/;
const isTsSource = (f: string) => TS_SOURCE.test(f) && !f.endsWith('.d.ts');
/** "Cannot find module" and its variants: the project has no types for the module to check with. */
const UNRESOLVED_MODULE = new Set([2307, 2792, 7016]);
/** Files bundlers import that TypeScript knows only through declarations (next-env.d.ts, vite/client). */
const ASSET = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp|tiff?|css|scss|sass|less|json|md|mdx|txt|woff2?|ttf|otf|mp4|webm)(\?.*)?$/i;

export interface Withheld {
  file: string;
  /** The errors the conversion would add, `file:line TS<code> message`. */
  errors: string[];
}

export interface SafetyNetResult {
  /** What may be written: every change whose file's errors did not rise. */
  writes: Map<string, string>;
  withheld: Withheld[];
  /** Files that could not be checked, and why (no tsconfig, a module without types). */
  unverified: string[];
}

/**
 * The codemod generators' type-check safety net: each changed TypeScript file is checked with the
 * project's own tsconfig and TypeScript program, before and after the change; a change that adds
 * an error is withheld (the file stays as it was) and reported with the new errors. A module the
 * project has no types for cannot judge anything: such files are written and named as unverified,
 * never guessed about.
 */
export function typeCheckWrites(tree: ReadTree, projectRoot: string, writes: Map<string, string>): SafetyNetResult {
  const result: SafetyNetResult = { writes: new Map(writes), withheld: [], unverified: [] };
  // Nothing to type-check (a conversion that changed only .js/.jsx files or config): TypeScript,
  // the tsconfigs and the program are never loaded.
  if (![...writes.keys()].some(isTsSource)) return result;
  const overlay = treeOverlay(tree);
  const configs = listProjectTsConfigs(tree.root, projectRoot)
    .map((path) => {
      try {
        return readTsConfig(path, tree.root, overlay);
      } catch {
        return null; // a broken tsconfig is reported by the checks that read it
      }
    })
    .filter((c): c is TsConfigInfo => c !== null && !c.compilesNothing);
  // A new file withheld (an env module) takes the changes that import it along: check what is left
  // again without it. Each round judges every file still to be written, so its verdicts replace the last's.
  for (let round = 0; round < 3; round++) {
    const withheldBefore = result.withheld.length;
    result.unverified = [];
    checkRound(tree, projectRoot, configs, result);
    if (!result.withheld.slice(withheldBefore).some((w) => !tree.exists(w.file))) break;
  }
  return result;
}

function checkRound(tree: ReadTree, projectRoot: string, configs: TsConfigInfo[], result: SafetyNetResult): void {
  const writes = result.writes;
  const sources = [...writes.keys()].filter(isTsSource);
  if (sources.length === 0) return;
  // New files (an env module) are part of the program after the change, so imports of them resolve;
  // they are checked too, against no errors before.
  const added = sources.filter((f) => !tree.exists(f));
  const abs = (f: string) => join(tree.root, f).replace(/\\/g, '/');
  const compiles = (config: TsConfigInfo, f: string) =>
    tree.exists(f)
      ? config.fileNames.some((n) => n.replace(/\\/g, '/') === abs(f))
      : // not on disk yet: the config that compiles its folder's files (or the folder above's) takes it
        config.fileNames.some((n) => n.replace(/\\/g, '/').startsWith(`${posix.dirname(posix.dirname(abs(f)))}/`));
  const pending = new Set(sources);
  for (const config of configs) {
    const own = [...pending].filter((f) => compiles(config, f));
    if (own.length === 0) continue;
    own.forEach((f) => pending.delete(f));
    checkWithConfig(tree, projectRoot, { options: config.options, files: own, added }, writes, result);
  }
  for (const file of pending) result.unverified.push(`${file}: no tsconfig of ${projectRoot} compiles it, so it was not type-checked`);
}

/**
 * Is a "cannot find module" error one the project's installed packages should have prevented
 * (a relative file, or a package that is installed but does not resolve under its settings)? A
 * package that is not installed yet (a generator adds it) cannot judge anything.
 */
function unresolvableButThere(tree: ReadTree, projectRoot: string, message: string): boolean {
  const name = /module '([^']+)'/.exec(message)?.[1];
  if (!name) return false;
  // A relative source module that does not resolve is missing (a withheld new file); a relative
  // asset (an image, a stylesheet) resolves only through type declarations the project may lack.
  if (name.startsWith('.')) return !ASSET.test(name);
  const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0];
  for (let dir = projectRoot; ; dir = posix.dirname(dir)) {
    if (tree.exists(posix.join(dir === '.' ? '' : dir, 'node_modules', pkg, 'package.json'))) return true;
    if (dir === '.' || dir === '' || dir === '/') return false;
  }
}

/** An image Next declares the type of through next-env.d.ts (`next/image-types/global`). */
const NEXT_IMAGE_ASSET = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)(\?.*)?'/i;

/**
 * Why a module had no types, in words a reader can act on. An image import in a Next.js project
 * without its `next-env.d.ts` (git-ignored, so a fresh clone has none until `next build` or `next
 * dev` writes it) lacks the declarations of `next/image-types/global`; it is no type error.
 */
function whyNoTypes(tree: ReadTree, projectRoot: string, message: string): string {
  const next = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'].some((f) =>
    tree.exists(posix.join(projectRoot, f)),
  );
  if (next && NEXT_IMAGE_ASSET.test(message) && !tree.exists(posix.join(projectRoot, 'next-env.d.ts')))
    return `not a type error: ${posix.join(projectRoot, 'next-env.d.ts')}, which declares image imports (next/image-types/global), is not there (git-ignored, and written by next build or next dev); run next build once, or commit a declaration file with /// <reference types="next/image-types/global" />, and run the generator again to have them checked`;
  return 'the project has no types for it, so this could not be checked';
}

/** One tsconfig's part of a change: its compiler options, the files it compiles, the files the change adds. */
interface ConfigCheck {
  options: ts.CompilerOptions;
  files: string[];
  added: string[];
}

function checkWithConfig(
  tree: ReadTree,
  projectRoot: string,
  { options, files, added }: ConfigCheck,
  writes: Map<string, string>,
  result: SafetyNetResult,
): void {
  // ts-morph (and its TypeScript, ~250 ms to load) at the point of use, only when a file is checked.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Project, ts } = require('ts-morph') as typeof import('ts-morph');
  const project = new Project({ compilerOptions: { ...options, noEmit: true }, skipAddingFilesFromTsConfig: true });
  const existing = files.filter((f) => tree.exists(f));
  for (const file of existing) project.createSourceFile(join(tree.root, file), tree.read(file, 'utf-8') ?? '', { overwrite: true });
  project.resolveSourceFileDependencies();
  const errorsOf = (file: string): TsError[] => {
    const sf = project.getSourceFileOrThrow(join(tree.root, file));
    return sf
      .getPreEmitDiagnostics()
      .filter((d) => d.getCategory() === ts.DiagnosticCategory.Error)
      .map((d) => toTsError(d.compilerObject, file));
  };
  const before = new Map(existing.map((f) => [f, errorsOf(f)]));
  for (const file of existing) project.getSourceFileOrThrow(join(tree.root, file)).replaceWithText(writes.get(file)!);
  for (const file of added) if (writes.has(file)) project.createSourceFile(join(tree.root, file), writes.get(file)!, { overwrite: true });
  for (const file of files) {
    const bag = new ErrorBag(before.get(file) ?? []);
    const rose = errorsOf(file).filter((e) => !bag.take(e));
    const real = (e: TsError) => !UNRESOLVED_MODULE.has(e.code) || unresolvableButThere(tree, projectRoot, e.message);
    for (const e of rose.filter((x) => !real(x)))
      result.unverified.push(`${file}:${e.line}: ${e.message} (${whyNoTypes(tree, projectRoot, e.message)})`);
    const rising = rose.filter(real);
    if (rising.length === 0) continue;
    result.writes.delete(file);
    const resolution = String(ts.ModuleResolutionKind[options.moduleResolution ?? ts.ModuleResolutionKind.Node10]).toLowerCase();
    const why = (e: TsError) =>
      UNRESOLVED_MODULE.has(e.code) && !/module '\./.test(e.message)
        ? ` (installed, but it does not resolve with this tsconfig's "moduleResolution": "${resolution}"; a package that declares its types only under "exports" needs "bundler", Next's default, or "node16")`
        : '';
    result.withheld.push({ file, errors: rising.map((e) => `${file}:${e.line} TS${e.code} ${e.message}${why(e)}`) });
  }
}

/** The safety net's verdicts as summary lines: each withheld file with its new errors, each file not verified. */
export function safetyNetLines(result: SafetyNetResult): string[] {
  return [
    ...result.withheld.flatMap((w) => [
      `  withheld  ${w.file}: the change would add type errors, file left as it is`,
      ...w.errors.map((e) => `            ${e}`),
    ]),
    ...result.unverified.map((u) => `  unverified ${u}`),
  ];
}
