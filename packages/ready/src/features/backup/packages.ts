import { ReadyError } from '../../utils/errors';

/**
 * The packages the backup targets load: optional peer dependencies of @plinto/ready, so a workspace
 * without a database never installs them; `nx g @plinto/ready:backup` adds them to the workspace.
 * Versions are the ranges of our own package.json.
 */
export const BACKUP_PACKAGES = ['pg', '@aws-sdk/client-s3', '@aws-sdk/lib-storage'] as const;
type BackupPackage = (typeof BACKUP_PACKAGES)[number];

/** The version ranges the generator adds, from @plinto/ready's own peerDependencies. */
export function backupPackageVersions(): Record<BackupPackage, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const own = require('../../../package.json') as { peerDependencies: Record<string, string> };
  return Object.fromEntries(BACKUP_PACKAGES.map((p) => [p, own.peerDependencies[p]])) as Record<BackupPackage, string>;
}

/** `import(name)`, or a clear error naming the package and how to install it. */
export async function loadBackupPackage<T>(name: BackupPackage, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new ReadyError(
      `${name} is not installed in this workspace, and the backup targets need it: run "nx g @plinto/ready:backup --project=<app> --bucket=<bucket>" again (it adds ${BACKUP_PACKAGES.join(', ')}), or add them to the root package.json's devDependencies.`,
    );
  }
}
