import { ProjectGraph, joinPathFragments } from '@nx/devkit';
import { join, posix } from 'node:path';
import { minimatch } from 'minimatch';
import { ReadTree, treeFiles, treeOverlay } from '../../core/workspace/files';
import { findTestRunner, isApp, isNextConfigFile } from '../../core/workspace/project-facts';
import { envRewriteCodemod } from '../../codemods/env/rewrite';
import { createCodemodProject } from '../../codemods/project';
import { runCodemod } from '../../codemods/run';
import { EnvVariable } from './classify';
import { mergeDotenv } from './dotenv-file';
import { EnvModuleFlavour, MODULE_MARKER, renderEnvModule } from './env-module';
import { TSCONFIG_FILE, readTsConfig, resolvesPackageExports } from '../../core/workspace/tsconfig';
import { envModulePath, handWrittenEnvModule, scanEnv } from './scan';
import { documentedEnvironment } from './documented';
import { fitToDocumentedEnvironment } from './schema-net';

/** Packages the env generator adds: the typed env module is built on them. */
export const ENV_DEPENDENCIES = { '@t3-oss/env-nextjs': '^0.13.11', zod: '^3.25.76' };

/** Apps only: a library's variables are its apps' variables, attributed to them through the project graph. */
export function envNotApplicable(tree: ReadTree, root: string, projectType?: string): string | null {
  return isApp(tree, root, projectType)
    ? null
    : 'it is a library; its variables are the variables of the apps that depend on it: run this on those apps';
}

export interface EnvPlan {
  /** What the generator prints, line by line. */
  lines: string[];
  /** New text of every file to write. */
  writes: Map<string, string>;
  /** The typed env module written, or null. */
  module: string | null;
  /** The packages the module imports, to add to package.json (empty when none is written). */
  dependencies: Record<string, string>;
}

/**
 * t3-env, or zod alone with why: where the project's tsconfig does not resolve package exports
 * (node10), and where its tests run on jest, which cannot load @t3-oss/env-nextjs (ESM only)
 * without a transform: a suite importing a file that reads the module would stop loading.
 */
function moduleFlavour(tree: ReadTree, root: string): { flavour: EnvModuleFlavour; why: string } {
  if (findTestRunner(tree, root)?.runner === 'jest')
    return {
      flavour: 'zod',
      why: "zod alone: this project's tests run on jest, which cannot load @t3-oss/env-nextjs (ESM only) without a transform",
    };
  return tsconfigResolvesExports(tree, root)
    ? { flavour: 't3-env', why: 't3-env and zod' }
    : { flavour: 'zod', why: "zod alone: this project's moduleResolution cannot resolve @t3-oss/env-nextjs" };
}

function tsconfigResolvesExports(tree: ReadTree, root: string): boolean {
  const names = tree
    .children(root)
    .filter((name) => TSCONFIG_FILE.test(name))
    .sort();
  for (const path of names.map((name) => join(tree.root, root, name))) {
    try {
      const config = readTsConfig(path, tree.root, treeOverlay(tree), { files: false });
      if (!config.compilesNothing) return resolvesPackageExports(config.options);
    } catch {
      // a broken tsconfig is reported by the checks that read it
    }
  }
  return true;
}

/**
 * The env generator's work for one app: scan what the app and its libraries read, merge it into
 * .env.production (keeping what is there), write the typed env module and, with `rewrite`,
 * `process.env.X` → `env.X` in the app's own files. Nothing is written: `writes` holds the texts.
 */
export function planEnv(
  tree: ReadTree,
  project: { name: string; root: string },
  graph: ProjectGraph | null,
  options: { module: boolean; rewrite: boolean },
): EnvPlan {
  const plan: EnvPlan = { lines: [], writes: new Map(), module: null, dependencies: {} };
  const { root } = project;
  const scanned = scanEnv(tree, project, graph);
  // The safety net: the schema must accept the environment the app documents.
  const net = fitToDocumentedEnvironment(scanned.variables, documentedEnvironment(tree, root));
  const scan = { ...scanned, variables: net.variables };
  const envFile = joinPathFragments(root, '.env.production');
  const before = tree.read(envFile, 'utf-8') ?? '';
  const merged = mergeDotenv(before, scan.variables);
  if (merged.text !== before) plan.writes.set(envFile, merged.text);
  plan.lines.push(
    `${project.name}: ${scan.variables.length} variable(s) read in ${scan.projects.join(', ')} (${scan.filesParsed} file(s) parsed)`,
    ...scan.variables.map(
      (v) =>
        `  ${v.side === 'client' ? 'client' : 'server'} ${v.name}${v.secret ? ' (secret)' : ''}: ${v.type}${v.fallback !== null ? `, default ${v.fallback}` : ''}; read at ${v.readAt[0]}${v.readAt.length > 1 ? ` +${v.readAt.length - 1}` : ''}`,
    ),
    `  ${envFile}: ${merged.added.length} added${merged.stale.length > 0 ? `, no longer read: ${merged.stale.join(', ')}` : ''}`,
    ...merged.malformed.map((m) => `  warning ${envFile}:${m.line}: not a KEY=value line, kept as it is: ${m.text}`),
    ...scan.unresolved.map((u) => `  unresolvable ${u.file}:${u.line}: ${u.text} (a dynamic name: declare what it reads by hand)`),
    ...scan.unparsable.map((f) => `  warning ${f}: does not parse, skipped`),
    ...net.relaxed.map((r) => `  safety net ${r.name}: ${r.reason}`),
  );
  for (const v of scan.variables.filter((x) => x.side === 'client' && x.secret)) {
    plan.lines.push(
      `  DANGER ${v.name}: a secret-like name with NEXT_PUBLIC_ is inlined into every browser bundle; rename it without NEXT_PUBLIC_ and read it on the server`,
    );
  }
  if (!options.module) return plan;
  const modulePath = envModulePath(tree, root);
  const existing = tree.read(modulePath, 'utf-8');
  const handWritten = handWrittenEnvModule(tree, root);
  if (handWritten) {
    plan.lines.push(
      `  ${handWritten} already validates the env with t3-env: no second module written; add the variables above to it by hand`,
    );
  } else if (existing !== null && !existing.startsWith(MODULE_MARKER)) {
    plan.lines.push(`  ${modulePath} exists and was not written by @plinto/ready: left as it is (merge the variables above by hand)`);
  } else if (scan.variables.length > 0) {
    const { flavour, why } = moduleFlavour(tree, root);
    plan.writes.set(modulePath, renderEnvModule(scan.variables, flavour));
    plan.module = modulePath;
    plan.dependencies = flavour === 'zod' ? { zod: ENV_DEPENDENCIES.zod } : ENV_DEPENDENCIES;
    plan.lines.push(
      `  ${modulePath}: typed env module (server ${scan.variables.filter((v) => v.side === 'server').length}, client ${scan.variables.filter((v) => v.side === 'client').length}; ${why})`,
    );
    if (options.rewrite) plan.lines.push(...rewriteReads(tree, root, modulePath, scan.variables, plan.writes));
    else {
      // Not wired: a module nothing imports validates nothing. Say how, with the places to change.
      // What --rewrite would change: the app's own reads, not next.config.* (it runs before the module can load).
      const reads = [...new Set(scan.variables.flatMap((v) => v.readAt))].filter(
        (at) => at.startsWith(`${root}/`) && !/\/next\.config\.[^/]+:\d+$/.test(at),
      );
      plan.lines.push(
        `  not wired yet: nothing imports ${modulePath}, so it validates nothing. Either run again with --rewrite (it replaces the ${reads.length} process.env read(s) with env.X: ${reads.slice(0, 3).join(', ')}${reads.length > 3 ? ', …' : ''}), ` +
          `or import it yourself where the env is read: import { env } from '<relative path to ${modulePath.replace(/\.[cm]?[jt]sx?$/, '')}>', and use env.NAME.`,
      );
    }
  }
  return plan;
}

/** `.env*.local` holds real values on a developer's machine: the .gitignore text that keeps it out, or null when it already does. */
export function gitignoreWithLocalEnv(tree: ReadTree): string | null {
  const current = tree.read('.gitignore', 'utf-8') ?? '';
  if (ignoresLocalEnvFiles(current)) return null;
  return `${current}${current === '' || current.endsWith('\n') ? '' : '\n'}\n# local env files (real values, never committed)\n.env*.local\n`;
}

/** Local env files, as Next.js names them: what `.env*.local` is there to keep out of git. */
const LOCAL_ENV_FILES = ['.env.local', '.env.development.local', '.env.production.local', '.env.test.local'];

/**
 * Do the root .gitignore's rules already keep every local env file out, at any depth (`.env*`,
 * `.env*.local`, `*.local`, `.env.*`)? Rules without a slash match a file name anywhere, as git
 * reads them; a negation that lets one back in means no.
 */
function ignoresLocalEnvFiles(gitignore: string): boolean {
  const rules = gitignore
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.replace(/^\*\*\//, ''))
    .filter((l) => !l.replace(/^!/, '').includes('/'));
  const ignored = (name: string) => {
    let out = false;
    for (const rule of rules) {
      const negated = rule.startsWith('!');
      if (minimatch(name, negated ? rule.slice(1) : rule, { dot: true })) out = !negated;
    }
    return out;
  };
  return LOCAL_ENV_FILES.every(ignored);
}

/** --rewrite: the env codemod over the app's own files (not the module, not next.config.*). */
function rewriteReads(tree: ReadTree, root: string, modulePath: string, variables: EnvVariable[], writes: Map<string, string>): string[] {
  const names = new Set(variables.map((v) => v.name));
  const project = createCodemodProject();
  const out: string[] = [];
  for (const file of treeFiles(tree, root, /\.(tsx?|jsx?)$/, { tests: false }).filter((f) => f !== modulePath && !isNextConfigFile(f))) {
    const text = tree.read(file, 'utf-8') ?? '';
    let spec = posix.relative(posix.dirname(file), modulePath).replace(/\.ts$/, '');
    if (!spec.startsWith('.')) spec = `./${spec}`;
    const context = { file, names, moduleSpecifier: spec };
    if (!envRewriteCodemod.prefilter(text, context)) continue;
    const run = runCodemod(envRewriteCodemod, project, file, text, context);
    if (run.warning) out.push(`  warning ${file}: ${run.warning.message}`);
    if (run.text === null) continue;
    writes.set(file, run.text);
    out.push(`  rewrote ${run.report!.changes.length} read(s) in ${file}`);
  }
  return out;
}
