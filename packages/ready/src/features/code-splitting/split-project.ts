import { joinPathFragments } from '@nx/devkit';
import { ReadTree, treeFiles } from '../../core/workspace/files';
import { Framework, frameworkOf } from '../../core/workspace/project-facts';
import { ReadyError } from '../../utils/errors';
import { CodemodChange, CodemodSkip } from '../../codemods/codemod';
import { HEAVY_MODULES } from '../../codemods/dynamic-import/heavy-modules';
import { DynamicImportContext, dynamicImportCodemod } from '../../codemods/dynamic-import/transform';
import { codemodProjectFor } from '../../codemods/project';
import { relativeImportTarget } from '../../codemods/imports';
import { isPagesRouterFile } from '../../codemods/dynamic-import/analyze';
import { clientByImporters } from './client-modules';
import { aliasResolver } from './aliases';
import { HEAVY_MODULE_MIN_GZIP_BYTES, cachedModuleSize } from './module-size';
import { kb } from '../../utils/format';
import { ProjectPlanner, runCodemod, tally } from '../../codemods/run';

const SOURCE = /\.(tsx|jsx|ts|js)$/;

export interface SplitOptions {
  /** Heavy modules beyond the built-in list. */
  modules: string[];
  /** Local component files (workspace-relative, without extension) → export names to split. */
  components: Map<string, Set<string>>;
  ssr: 'keep' | 'false';
}

export interface DynamicImportProjectResult {
  project: string;
  framework: Framework;
  changes: CodemodChange[];
  skips: CodemodSkip[];
  warnings: CodemodSkip[];
  filesParsed: number;
  /** New text of every file the split changed (empty when only analysed). */
  writes: Map<string, string>;
}

/** Code splitting applies to Next.js and React projects; else why not. */
export function splittingNotApplicable(tree: ReadTree, root: string): string | null {
  return frameworkOf(tree, root) ? null : 'it is neither a Next.js nor a React project';
}

/** `--components=app/x/Chart.tsx#Chart` entries → workspace-relative path without extension → export names. */
export function parseComponents(tree: ReadTree, root: string, entries: readonly string[] | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const item of (entries ?? []).map((s) => s.trim()).filter(Boolean)) {
    const [path, name] = item.split('#');
    if (!path || !name)
      throw new ReadyError(
        `--components entry "${item}" is not path#ExportName: write e.g. --components=app/sales/sales-chart.tsx#SalesChart.`,
      );
    const file = [path, joinPathFragments(root, path)].find((c) => tree.exists(c));
    if (!file)
      throw new ReadyError(
        `--components names ${path}, which exists neither in the workspace nor in ${root}: give the component file's path.`,
      );
    const key = file.replace(/\.(tsx?|jsx?)$/, '');
    out.set(key, new Set([...(out.get(key) ?? []), name]));
  }
  return out;
}

/**
 * The dynamic-import codemod over one project: static imports of heavy client libraries (and of
 * the --components files) analysed (what the `code-splitting` check reports) or split (what the
 * generator writes). Nothing is written: `writes` holds the new texts.
 */
export const splitProject: ProjectPlanner<SplitOptions, DynamicImportProjectResult> = (tree, project, options, mode = 'transform') => {
  const framework = frameworkOf(tree, project.root) ?? 'react';
  const modules = [...HEAVY_MODULES, ...options.modules];
  const out: DynamicImportProjectResult = {
    project: project.name,
    framework,
    changes: [],
    skips: [],
    warnings: [],
    filesParsed: 0,
    writes: new Map(),
  };
  const codemodProject = codemodProjectFor(tree);
  const appRouter = ['app', 'src/app'].some((dir) => tree.exists(joinPathFragments(project.root, dir)));
  const resolveAlias = aliasResolver(tree, project.root);
  const weigh = moduleWeigher(tree.root, project.root, resolveAlias);
  const texts = new Map(treeFiles(tree, project.root, SOURCE, { tests: false }).map((file) => [file, tree.read(file, 'utf-8') ?? '']));
  const clientOnly =
    framework === 'next'
      ? clientByImporters(texts, (from, specifier) => resolveProjectModule(tree, from, specifier, resolveAlias), isPagesRouterFile)
      : new Set<string>();
  for (const [file, text] of texts) {
    const context: DynamicImportContext = {
      file,
      framework,
      modules,
      components: options.components,
      ssr: options.ssr,
      appRouter,
      clientByImporters: clientOnly.has(file),
      resolveAlias,
      weigh,
      readModule: (specifier) => readProjectModule(tree, file, specifier, resolveAlias),
    };
    if (!dynamicImportCodemod.prefilter(text, context)) continue;
    out.filesParsed++;
    tally(out, file, runCodemod(dynamicImportCodemod, codemodProject, file, text, context, mode));
  }
  return out;
};

const MODULE_FILES = ['', '.tsx', '.ts', '.jsx', '.js', '/index.tsx', '/index.ts', '/index.jsx', '/index.js'];

/** The project file a relative or aliased specifier names, or null (a package, or nothing there). */
function resolveProjectModule(tree: ReadTree, from: string, specifier: string, resolveAlias: (s: string) => string | null): string | null {
  const base = specifier.startsWith('.') ? relativeImportTarget(from, specifier) : resolveAlias(specifier);
  if (base === null) return null;
  return MODULE_FILES.map((ext) => base + ext).find((f) => SOURCE.test(f) && tree.isFile(f)) ?? null;
}

/** The text of the project file a relative or aliased specifier names, or null. */
function readProjectModule(tree: ReadTree, from: string, specifier: string, resolveAlias: (s: string) => string | null): string | null {
  const file = resolveProjectModule(tree, from, specifier, resolveAlias);
  return file ? (tree.read(file, 'utf-8') ?? null) : null;
}

/**
 * Weighs each listed module once per run by what it adds to the client bundle (esbuild, gzip):
 * heavy from HEAVY_MODULE_MIN_GZIP_BYTES up. A module that cannot be measured (not installed, does
 * not bundle) is judged by the list, and the note says so.
 */
function moduleWeigher(
  workspaceRoot: string,
  projectRoot: string,
  resolveAlias: (specifier: string) => string | null,
): NonNullable<DynamicImportContext['weigh']> {
  const cache = new Map<string, { heavy: boolean; note: string; measured?: boolean }>();
  return (specifier, names) => {
    const key = `${specifier}#${[...names].sort().join(',')}`;
    // A module that cannot be measured cannot be whatever names are imported from it.
    let weight = cache.get(specifier) ?? cache.get(key);
    if (!weight) {
      const size = cachedModuleSize(workspaceRoot, projectRoot, specifier, names, { aliased: resolveAlias(specifier) !== null });
      if ('gzip' in size) {
        weight = { heavy: size.gzip >= HEAVY_MODULE_MIN_GZIP_BYTES, note: `${kb(size.gzip)} gzip`, measured: true };
        cache.set(key, weight);
      } else {
        weight = { heavy: true, note: `size unknown: ${size.unknown}; judged by the list` };
        cache.set(specifier, weight);
      }
    }
    return weight;
  };
}
