import { PackageManager, detectPackageManager } from '@nx/devkit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The lockfile each package manager writes at the workspace root. Nx has the same table, but only
 * behind its internal entry point (`getLockFileName`), which older Nx versions lay out differently.
 */
const LOCKFILES: Record<PackageManager, string> = { npm: 'package-lock.json', pnpm: 'pnpm-lock.yaml', yarn: 'yarn.lock', bun: 'bun.lock' };

export function lockfileName(pm: PackageManager): string {
  return LOCKFILES[pm] ?? LOCKFILES.npm;
}

/** The lockfile of the workspace's package manager (bun's binary `bun.lockb` where bun 1.1 left one). */
export function workspaceLockfile(workspaceRoot: string): string {
  const pm = detectPackageManager(workspaceRoot);
  if (pm === 'bun' && !existsSync(join(workspaceRoot, LOCKFILES.bun)) && existsSync(join(workspaceRoot, 'bun.lockb'))) return 'bun.lockb';
  return lockfileName(pm);
}
