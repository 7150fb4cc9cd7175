import { Tree, readJson, readNxJson } from '@nx/devkit';
import { coerce, major } from 'semver';
import { ReadyError } from '../../utils/errors';
import type { ReadTree } from './files';
import { PackageManagerFlavour, workspacePackageManager } from './package-manager';

/** What a CI workflow (the ready job, the backup jobs) needs to know of the workspace. */
export interface WorkflowContext {
  packageManager: PackageManagerFlavour;
  /** The lockfile the install is frozen to (and the cache is keyed on). */
  lockfile: string;
  /** `.nvmrc` or `.node-version` when the workspace has one, else a Node major version. */
  node: { file: string } | { version: string };
  /** pnpm's version when package.json has no `packageManager` field to read it from. */
  pnpmVersion?: string;
  /** The ready target's name. */
  target: string;
  parallel: number;
  /** The folder of summary.md and the dashboard (dist/ready). */
  resultsRoot: string;
  /** The default branch, pushes to which run the job too. */
  branch: string;
}

export interface WorkflowContextOptions {
  target: string;
  parallel: number;
  resultsRoot: string;
  /** Node's major version when the workspace pins none (.nvmrc, .node-version); this Node's by default. */
  nodeVersion?: string;
  /** pnpm's version, asked of pnpm by the generator, for a package.json without `packageManager`. */
  pnpmVersion?: string;
}

/** The package manager and its lockfile, the Node version and the default branch. */
export function workflowContext(tree: ReadTree, options: WorkflowContextOptions): WorkflowContext {
  try {
    if (tree.exists('package.json')) readJson(tree as Tree, 'package.json');
  } catch {
    throw new ReadyError('package.json at the workspace root is not valid JSON: fix it, then run the generator again.');
  }
  const pm = workspacePackageManager(tree);
  if (!pm.lockfile) {
    throw new ReadyError(
      'No lockfile at the workspace root (package-lock.json, pnpm-lock.yaml, yarn.lock or bun.lock): install once and commit the lockfile, which the workflow installs from, frozen.',
    );
  }
  const nodeFile = ['.nvmrc', '.node-version'].find((f) => tree.exists(f));
  const pnpmVersion = pm.name === 'pnpm' && !pm.pinned ? String(coerce(options.pnpmVersion ?? '')?.major ?? 10) : undefined;
  return {
    packageManager: pm.flavour,
    lockfile: pm.lockfile,
    node: nodeFile ? { file: nodeFile } : { version: options.nodeVersion ?? String(major(process.versions.node)) },
    ...(pnpmVersion ? { pnpmVersion } : {}),
    target: options.target,
    parallel: options.parallel,
    resultsRoot: options.resultsRoot,
    branch: defaultBranch(tree),
  };
}

/** nx.json's defaultBase (what nx affected compares with), else main. */
function defaultBranch(tree: ReadTree): string {
  let base: unknown;
  try {
    base = readNxJson(tree as Tree)?.defaultBase;
  } catch {
    base = undefined;
  }
  return typeof base === 'string' && /^[\w./-]+$/.test(base) ? base : 'main';
}
