import { ProjectGraph, createProjectGraphAsync, joinPathFragments } from '@nx/devkit';
import { posix } from 'node:path';
import { minimatch } from 'minimatch';
import { SourceFile, ts } from 'ts-morph';
import { codemodProjectFor, parseFile, releaseFile } from '../../codemods/project';
import { hasSyntaxErrors } from '../../codemods/parse';
import { relativeImportTarget } from '../../codemods/imports';
import { ENV_PREFILTER, EnvRead, UnresolvedRead, findEnvReads, findNextConfigEnvKeys } from '../../codemods/env/find-env';
import { EnvVariable, classify, isRuntimeProvided } from './classify';
import { MODULE_MARKER } from './env-module';
import { isNextConfigFile } from '../../core/workspace/project-facts';
import { ReadTree, treeFiles } from '../../core/workspace/files';
import { workspaceDependencies } from '../../core/workspace/project-graph';
import { filesTheAppRuns } from './reach';

export interface EnvScanResult {
  variables: EnvVariable[];
  unresolved: UnresolvedRead[];
  unparsable: string[];
  /** Projects scanned: the app and the workspace libraries it depends on. */
  projects: string[];
  filesParsed: number;
  /**
   * The generated env module (our marker) where the project has one, and whether any file imports
   * it (reads `env.X` from it): unimported, its schema checks nothing at start.
   */
  module: { file: string; imported: boolean } | null;
}

export async function loadProjectGraph(): Promise<ProjectGraph | null> {
  try {
    return await createProjectGraphAsync({ exitOnError: false });
  } catch {
    return null;
  }
}

/** Every variable read by a project and the libraries it depends on, with where and how. */
export function scanEnv(tree: ReadTree, project: { name: string; root: string }, graph: ProjectGraph | null): EnvScanResult {
  const libs = graph
    ? workspaceDependencies(graph, project.name).map((name) => ({
        name,
        root: graph.nodes[name].data.root,
        packageName: (graph.nodes[name].data.metadata as { js?: { packageName?: string } } | undefined)?.js?.packageName,
      }))
    : [];
  const projects = [project, ...libs];
  // The libraries' files the app's imports reach, not every file of every library it depends on.
  const files = filesTheAppRuns(tree, project, libs);
  const reads: Array<EnvRead & { project: string }> = [];
  const unresolved: UnresolvedRead[] = [];
  const unparsable: string[] = [];
  const project_ = codemodProjectFor(tree);
  // After --rewrite the app reads env.X from our module: still a read of X.
  const modulePath = envModulePath(tree, project.root);
  const ours = tree.read(modulePath, 'utf-8')?.startsWith(MODULE_MARKER) ? modulePath.replace(/\.[cm]?[jt]sx?$/, '') : undefined;
  let filesParsed = 0;
  let moduleImported = false;
  for (const p of projects) {
    for (const file of files.get(p.root) ?? []) {
      const text = tree.read(file, 'utf-8') ?? '';
      const isConfig = isNextConfigFile(file) && posix.dirname(file) === p.root;
      if (!isConfig && !ENV_PREFILTER.test(text) && !(ours && (/\benv\./.test(text) || text.includes(posix.basename(ours))))) continue;
      // Our own env module reads every variable by design: it declares them, it is not a use.
      if (text.startsWith(MODULE_MARKER)) continue;
      filesParsed++;
      const sf = parseFile(project_, file, text);
      try {
        if (hasSyntaxErrors(sf)) {
          unparsable.push(file);
          continue;
        }
        const scan = findEnvReads(sf, file, ours);
        if (ours && !moduleImported) moduleImported = importsModule(sf, file, ours);
        reads.push(...scan.reads.map((r) => ({ ...r, project: p.name })));
        unresolved.push(...scan.unresolved);
        if (isConfig) reads.push(...findNextConfigEnvKeys(sf, file).map((r) => ({ ...r, project: p.name })));
      } finally {
        releaseFile(project_, sf);
      }
    }
  }
  // NODE_ENV is set by Next itself; it is never the app's to declare.
  return {
    variables: classify(reads.filter((r) => !isRuntimeProvided(r.name))),
    unresolved,
    unparsable,
    projects: projects.map((p) => p.name),
    filesParsed,
    module: ours ? { file: modulePath, imported: moduleImported } : null,
  };
}

/** Does the file import the module (`modulePath`, workspace-relative without extension) by a relative path or any alias that ends in its name? */
function importsModule(sf: SourceFile, file: string, modulePath: string): boolean {
  const base = posix.basename(modulePath);
  return sf.getImportDeclarations().some((d) => {
    const spec = d.getModuleSpecifierValue().replace(/\.[cm]?[jt]sx?$/, '');
    return spec.startsWith('.') ? relativeImportTarget(file, spec) === modulePath : spec === base || spec.endsWith(`/${base}`);
  });
}

const MODULE_CANDIDATES = ['src/env.ts', 'env.ts', 'app/env.ts', 'lib/env.ts'];

/** A path that names an env module: `env.mjs`, `src/env/server.ts`, `lib/env.client.ts`, … */
const ENV_MODULE_PATH = /(^|\/)env(\/|\.[a-z.]*[cm]?[jt]s$)/;

/**
 * An env module the team wrote itself on t3-env (`@t3-oss/env-nextjs` or `-core`), wherever it is
 * and whatever it is called: the app already validates its env there, so a second module beside
 * it would only disagree with it.
 */
export function handWrittenEnvModule(tree: ReadTree, root: string): string | null {
  for (const file of treeFiles(tree, root, /\.[cm]?[jt]sx?$/, { tests: false })) {
    if (!ENV_MODULE_PATH.test(file.slice(root.length))) continue;
    const text = tree.read(file, 'utf-8') ?? '';
    if (!text.startsWith(MODULE_MARKER) && /from\s+['"]@t3-oss\/env-(nextjs|core)['"]/.test(text)) return file;
  }
  return null;
}

/**
 * Where the env module goes: an existing module of ours wherever it is; else the first usual
 * place (src/env.ts, env.ts, app/env.ts, lib/env.ts) whose folder exists and that the project's
 * tsconfig includes: Nx's Next.js apps include only app/**, so a root env.ts would not compile.
 */
export function envModulePath(tree: ReadTree, root: string): string {
  const paths = MODULE_CANDIDATES.map((c) => joinPathFragments(root, c));
  const ours = paths.find((p) => tree.read(p, 'utf-8')?.startsWith(MODULE_MARKER));
  if (ours) return ours;
  const include = tsconfigInclude(tree, root);
  const fits = (candidate: string) => {
    const dir = posix.dirname(candidate);
    if (dir !== '.' && !tree.exists(joinPathFragments(root, dir))) return false;
    return include === null || include.some((pattern) => minimatch(candidate, pattern.replace(/^\.\//, ''), { dot: true }));
  };
  const chosen = MODULE_CANDIDATES.find(fits) ?? MODULE_CANDIDATES[1];
  return joinPathFragments(root, chosen);
}

/** The include patterns of the project's tsconfig.json (relative to the project), or null when it has none. */
function tsconfigInclude(tree: ReadTree, root: string): string[] | null {
  const text = tree.read(joinPathFragments(root, 'tsconfig.json'), 'utf-8');
  if (!text) return null;
  const parsed = ts.parseConfigFileTextToJson('tsconfig.json', text);
  const include = parsed.config?.include;
  return Array.isArray(include) ? include.filter((p: unknown): p is string => typeof p === 'string') : null;
}
