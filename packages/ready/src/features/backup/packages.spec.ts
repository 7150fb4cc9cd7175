import { BACKUP_PACKAGES, backupPackageVersions, loadBackupPackage } from './packages';

describe('the backup targets’ packages', () => {
  it('are optional peers of ours, with the ranges the generator adds', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const own = require('../../../package.json');
    for (const name of BACKUP_PACKAGES) {
      expect(own.peerDependenciesMeta[name]).toEqual({ optional: true });
      expect(own.dependencies[name]).toBeUndefined();
      expect(backupPackageVersions()[name]).toBe(own.peerDependencies[name]);
    }
  });

  it('a missing one is a clear error naming it and the command that adds it', async () => {
    // @ts-expect-error: a package that is not installed anywhere
    await expect(loadBackupPackage('pg', () => import('plinto-not-installed-anywhere'))).rejects.toThrow(
      /^pg is not installed in this workspace, and the backup targets need it: run "nx g @plinto\/ready:backup/,
    );
    await expect(loadBackupPackage('pg', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
