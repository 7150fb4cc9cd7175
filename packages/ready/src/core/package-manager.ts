import { PackageManager, detectPackageManager } from '@nx/devkit';

/**
 * The lockfile each package manager writes at the workspace root. Nx has the same table, but only
 * behind its internal entry point (`getLockFileName`), which older Nx versions lay out differently.
 */
const LOCKFILES: Record<PackageManager, string> = { npm: 'package-lock.json', pnpm: 'pnpm-lock.yaml', yarn: 'yarn.lock', bun: 'bun.lock' };

export function lockfileName(pm: PackageManager): string {
  return LOCKFILES[pm] ?? LOCKFILES.npm;
}

/** The lockfile of the workspace's package manager. */
export function workspaceLockfile(workspaceRoot: string): string {
  return lockfileName(detectPackageManager(workspaceRoot));
}
