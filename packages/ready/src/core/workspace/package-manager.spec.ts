import { detectPackageManager } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { TempWorkspace } from '../../testing/temp-workspace';
import { PACKAGE_MANAGER_COMMANDS, packageManagerAt, workspacePackageManager } from './package-manager';

describe('the workspace package manager (one module for CI, audit, backup and fix texts)', () => {
  it.each([
    ['package-lock.json', 'npm'],
    ['pnpm-lock.yaml', 'pnpm'],
    ['yarn.lock', 'yarn'],
    ['bun.lock', 'bun'],
    ['bun.lockb', 'bun'],
  ])('with only %s on disk, names what @nx/devkit detectPackageManager names (%s)', (lockfile, pm) => {
    const ws = new TempWorkspace().write('package.json', { name: 'ws' }).write(lockfile, '');
    try {
      expect(detectPackageManager(ws.root)).toBe(pm);
      expect(packageManagerAt(ws.root)).toMatchObject({ name: pm, lockfile });
    } finally {
      ws.cleanup();
    }
  });

  it("tells yarn berry from yarn classic by .yarnrc.yml, a packageManager pin of 2 or more, or berry's lockfile", () => {
    const yarn = (files: Record<string, string>) => {
      const tree = createTreeWithEmptyWorkspace();
      for (const [file, text] of Object.entries(files)) tree.write(file, text);
      return workspacePackageManager(tree).flavour;
    };
    expect(yarn({ 'yarn.lock': '# yarn lockfile v1\n' })).toBe('yarn-classic');
    expect(yarn({ 'yarn.lock': '# yarn lockfile v1\n', 'package.json': '{"packageManager":"yarn@1.22.22"}' })).toBe('yarn-classic');
    expect(yarn({ 'yarn.lock': '', '.yarnrc.yml': 'nodeLinker: node-modules\n' })).toBe('yarn-berry');
    expect(yarn({ 'yarn.lock': '', 'package.json': '{"packageManager":"yarn@4.5.0+sha512.abc"}' })).toBe('yarn-berry');
    expect(yarn({ 'yarn.lock': '__metadata:\n  version: 8\n' })).toBe('yarn-berry');
  });

  it('follows nx.json cli.packageManager first, then the packageManager field among two lockfiles, and reads its pin', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('package-lock.json', '{}');
    tree.write('pnpm-lock.yaml', '');
    expect(workspacePackageManager(tree)).toMatchObject({ name: 'pnpm', lockfile: 'pnpm-lock.yaml', pinned: null });
    tree.write('package.json', JSON.stringify({ packageManager: 'npm@11.1.0' }));
    expect(workspacePackageManager(tree)).toMatchObject({ name: 'npm', lockfile: 'package-lock.json', pinned: '11.1.0' });
    tree.write('nx.json', JSON.stringify({ cli: { packageManager: 'pnpm' } }));
    expect(workspacePackageManager(tree)).toMatchObject({ name: 'pnpm', lockfile: 'pnpm-lock.yaml', pinned: null });
  });

  it('spells each package manager its own way', () => {
    expect(PACKAGE_MANAGER_COMMANDS['yarn-berry'].install).toBe('yarn install --immutable');
    expect(PACKAGE_MANAGER_COMMANDS.pnpm.auditFix).toBe('pnpm audit --fix');
  });
});
