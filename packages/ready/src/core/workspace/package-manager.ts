import { PackageManager } from '@nx/devkit';
import { coerce } from 'semver';
import { ReadTree, diskTree, readJsonIfPresent } from './files';

/**
 * The one place that knows the workspace's package manager: which one (as `@nx/devkit`'s
 * `detectPackageManager` decides it), its lockfile, whether a yarn is classic or berry, and the
 * commands each one spells differently. CI workflows, the audit, backups and fix texts all ask here.
 */

/** Package managers whose commands differ: yarn 1 and yarn ≥ 2 share a name, not their commands. */
export type PackageManagerFlavour = 'npm' | 'pnpm' | 'yarn-classic' | 'yarn-berry' | 'bun';

export interface WorkspacePackageManager {
  name: PackageManager;
  flavour: PackageManagerFlavour;
  /** The lockfile at the workspace root, or null when there is none. */
  lockfile: string | null;
  /** The version package.json's `packageManager` field pins (`pnpm@9.1.0` → 9.1.0), if any. */
  pinned: string | null;
}

/** Lockfiles in the order `detectPackageManager` looks for them (bun's binary `bun.lockb` is bun 1.1's). */
const LOCKFILES: ReadonlyArray<readonly [string, PackageManager]> = [
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['yarn.lock', 'yarn'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['package-lock.json', 'npm'],
];

/** How each package manager installs a frozen lockfile, runs a workspace binary and fixes audited packages. */
export const PACKAGE_MANAGER_COMMANDS: Record<PackageManagerFlavour, { install: string; exec: string; auditFix: string }> = {
  npm: { install: 'npm ci', exec: 'npx nx', auditFix: 'npm audit fix' },
  pnpm: { install: 'pnpm install --frozen-lockfile', exec: 'pnpm exec nx', auditFix: 'pnpm audit --fix' },
  'yarn-classic': { install: 'yarn install --frozen-lockfile', exec: 'yarn nx', auditFix: 'yarn upgrade-interactive' },
  'yarn-berry': { install: 'yarn install --immutable', exec: 'yarn nx', auditFix: 'yarn upgrade-interactive' },
  bun: { install: 'bun install --frozen-lockfile', exec: 'bunx nx', auditFix: 'bun update' },
};

/**
 * The workspace's package manager, read through a tree (a generator's, or `diskTree` for the disk):
 * nx.json's `cli.packageManager` first, as Nx does; else, among the lockfiles at the root, the one
 * package.json's `packageManager` field names, else the first in Nx's order; else the field; else npm.
 */
export function workspacePackageManager(tree: ReadTree): WorkspacePackageManager {
  const field = String(readJsonIn(tree, 'package.json')?.packageManager ?? '');
  const fieldName = LOCKFILES.find(([, pm]) => field.startsWith(`${pm}@`))?.[1] ?? null;
  const configured = readJsonIn(tree, 'nx.json')?.cli?.packageManager as PackageManager | undefined;
  const found = LOCKFILES.filter(([file]) => tree.exists(file));
  const chosen = configured ?? found.find(([, pm]) => pm === fieldName)?.[1] ?? found[0]?.[1] ?? fieldName ?? 'npm';
  const lockfile = found.find(([, pm]) => pm === chosen)?.[0] ?? null;
  const pinned = fieldName === chosen ? (field.slice(field.indexOf('@') + 1).split('+')[0] ?? null) : null;
  return { name: chosen, flavour: flavourOf(tree, chosen, pinned, lockfile), lockfile, pinned: pinned || null };
}

/**
 * The command that adds dev dependencies where they are needed, in the workspace's own package
 * manager: to the project's package.json when it has one in a monorepo (npm -w, pnpm --filter, yarn
 * workspace), else to the workspace root (with the flag a workspace root needs).
 */
export function addDevDependencyCommand(tree: ReadTree, packages: string[], projectRoot = '.'): string {
  const pm = workspacePackageManager(tree);
  const list = packages.join(' ');
  const projectName =
    projectRoot !== '.' && tree.exists(`${projectRoot}/package.json`) ? readJsonIn(tree, `${projectRoot}/package.json`)?.name : undefined;
  const rootJson = readJsonIn(tree, 'package.json');
  const monorepo = tree.exists('pnpm-workspace.yaml') || rootJson?.workspaces !== undefined;
  if (projectName && monorepo) {
    if (pm.name === 'npm') return `npm i -D ${list} -w ${projectRoot}`;
    if (pm.name === 'pnpm') return `pnpm add -D ${list} --filter ${projectName}`;
    if (pm.name === 'yarn') return `yarn workspace ${projectName} add -D ${list}`;
    return `cd ${projectRoot} && bun add -d ${list}`;
  }
  if (pm.name === 'npm') return `npm i -D ${list}`;
  if (pm.name === 'pnpm') return `pnpm add -D ${list}${monorepo ? ' -w' : ''}`;
  if (pm.name === 'yarn') return `yarn add -D ${list}${monorepo && pm.flavour === 'yarn-classic' ? ' -W' : ''}`;
  return `bun add -d ${list}`;
}

/** The package manager of the workspace on disk. */
export function packageManagerAt(workspaceRoot: string): WorkspacePackageManager {
  return workspacePackageManager(diskTree(workspaceRoot));
}

/** The lockfile a package manager writes, for messages about a workspace that has none yet. */
export function lockfileName(pm: PackageManager): string {
  return LOCKFILES.find(([, p]) => p === pm)?.[0] ?? 'package-lock.json';
}

/**
 * Yarn ≥ 2 (berry) has a `.yarnrc.yml`, a `packageManager` pin of 2 or more, or a YAML lockfile
 * with `__metadata` (yarn 1's lockfile says "# yarn lockfile v1").
 */
function flavourOf(tree: ReadTree, pm: PackageManager, pinned: string | null, lockfile: string | null): PackageManagerFlavour {
  if (pm !== 'yarn') return pm;
  const major = coerce(pinned)?.major;
  const berry =
    tree.exists('.yarnrc.yml') ||
    (major !== undefined && major >= 2) ||
    (lockfile !== null && (tree.read(lockfile, 'utf-8') ?? '').includes('__metadata:'));
  return berry ? 'yarn-berry' : 'yarn-classic';
}

type RootJson = { packageManager?: string; cli?: { packageManager?: PackageManager }; name?: string; workspaces?: unknown };
const readJsonIn = (tree: ReadTree, file: string) => readJsonIfPresent<RootJson>(tree, file);
