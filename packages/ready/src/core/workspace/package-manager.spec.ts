import { detectPackageManager } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { TempWorkspace } from '../../testing/temp-workspace';
import { PACKAGE_MANAGER_COMMANDS, addDevDependencyCommand, packageManagerAt, workspacePackageManager } from './package-manager';

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

  it("writes an install fix in the workspace's own package manager, where the package is needed", () => {
    const tree = (files: Record<string, string>) => {
      const t = createTreeWithEmptyWorkspace();
      for (const [file, text] of Object.entries(files)) t.write(file, text);
      return t;
    };
    const provider = ['@vitest/coverage-v8@4.1.12'];
    expect(addDevDependencyCommand(tree({ 'package-lock.json': '{}' }), provider)).toBe('npm i -D @vitest/coverage-v8@4.1.12');
    const pnpm = tree({
      'pnpm-lock.yaml': '',
      'pnpm-workspace.yaml': 'packages: [apps/*]\n',
      'apps/web/package.json': '{"name":"@ws/web"}',
    });
    expect(addDevDependencyCommand(pnpm, provider, 'apps/web')).toBe('pnpm add -D @vitest/coverage-v8@4.1.12 --filter @ws/web');
    expect(addDevDependencyCommand(pnpm, ['typescript'])).toBe('pnpm add -D typescript -w');
    const npm = tree({ 'package-lock.json': '{}', 'package.json': '{"workspaces":["apps/*"]}', 'apps/web/package.json': '{"name":"web"}' });
    expect(addDevDependencyCommand(npm, provider, 'apps/web')).toBe('npm i -D @vitest/coverage-v8@4.1.12 -w apps/web');
    const yarn = tree({
      'yarn.lock': '# yarn lockfile v1\n',
      'package.json': '{"workspaces":["apps/*"]}',
      'apps/web/package.json': '{"name":"web"}',
    });
    expect(addDevDependencyCommand(yarn, ['jest'], 'apps/web')).toBe('yarn workspace web add -D jest');
    expect(addDevDependencyCommand(yarn, ['jest'])).toBe('yarn add -D jest -W');
  });

  it('spells each package manager its own way', () => {
    expect(PACKAGE_MANAGER_COMMANDS['yarn-berry'].install).toBe('yarn install --immutable');
    expect(PACKAGE_MANAGER_COMMANDS.pnpm.auditFix).toBe('pnpm audit --fix');
  });
});
