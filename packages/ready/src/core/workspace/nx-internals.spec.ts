import {
  SUPPORTED_NX,
  assertMatchingDevkit,
  assertSupportedNx,
  findAllProjectNodeDependencies,
  packageJsonWorkspacesMatcher,
} from './nx-internals';
import { TempWorkspace } from '../../testing/temp-workspace';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('the Nx versions the plugin runs on', () => {
  it('accepts the Nx 22 and 23 lines and names the range, in one line, for any other', () => {
    for (const v of ['22.0.0', '22.7.12', '23.0.0', '23.2.1', '23.3.0-beta.1']) expect(assertSupportedNx(v)).toBe(v);
    for (const v of ['21.6.4', '24.0.0']) {
      expect(() => assertSupportedNx(v)).toThrow(`@plinto/ready supports Nx 22 and 23 (${SUPPORTED_NX}); this workspace has nx ${v}`);
      try {
        assertSupportedNx(v);
      } catch (e) {
        expect((e as Error).name).toBe('ReadyError');
        expect((e as Error).message).not.toContain('\n');
      }
    }
  });

  it("the installed nx is in the plugin's own peer range", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
    expect(pkg.peerDependencies.nx).toBe(SUPPORTED_NX);
    // A peer, not a dependency: the workspace's own devkit, on its nx's major.
    expect(pkg.peerDependencies['@nx/devkit']).toBe(SUPPORTED_NX);
    expect(pkg.dependencies['@nx/devkit']).toBeUndefined();
    expect(() => assertMatchingDevkit()).not.toThrow();
    expect(() => assertSupportedNx()).not.toThrow();
  });

  it('names the devkit to install when a package manager put a newer @nx/devkit beside an older nx', () => {
    expect(() => assertMatchingDevkit('22.0.0', '22.7.1')).not.toThrow();
    expect(() => assertMatchingDevkit('22.0.0', '23.3.2')).toThrow(
      '@nx/devkit 23.3.2 and nx 22.0.0 are on different major versions: add @nx/devkit@22.0.0 to the workspace',
    );
  });

  it("decides workspace membership and graph walks with the installed Nx's own functions", () => {
    const ws = new TempWorkspace();
    try {
      ws.write('package.json', { name: 'root', workspaces: ['apps/*'] });
      const inWorkspaces = packageJsonWorkspacesMatcher(ws.root, (f) => JSON.parse(ws.read(f)));
      expect(inWorkspaces('apps/web/package.json')).toBe(true);
      expect(inWorkspaces('tools/x/package.json')).toBe(false);
    } finally {
      ws.cleanup();
    }
    const graph = {
      nodes: { a: { name: 'a', type: 'app', data: { root: 'a' } }, b: { name: 'b', type: 'lib', data: { root: 'b' } } },
      externalNodes: { 'npm:react': { name: 'npm:react', type: 'npm', data: { packageName: 'react', version: '19.0.0' } } },
      dependencies: {
        a: [{ source: 'a', target: 'b', type: 'static' }],
        b: [{ source: 'b', target: 'npm:react', type: 'static' }],
      },
    };
    expect(findAllProjectNodeDependencies('a', graph, true).sort()).toEqual(['b', 'npm:react']);
    expect(findAllProjectNodeDependencies('a', graph, false)).toEqual(['b']);
  });
});
