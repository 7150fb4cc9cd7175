import { readFileSync } from 'node:fs';
import { Tree, readJson, readNxJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { initGenerator } from './init';

describe('init generator', () => {
  let tree: Tree;
  beforeEach(() => (tree = createTreeWithEmptyWorkspace()));

  it('registers the plugin with its default options and adds the package', async () => {
    await initGenerator(tree, { skipFormat: true });
    const entry = readNxJson(tree)!.plugins!.find((p) => typeof p !== 'string' && p.plugin === '@plinto/ready');
    expect(entry).toEqual({
      plugin: '@plinto/ready',
      options: {
        readyTargetName: 'ready',
        coverageGateTargetName: 'coverage-gate',
        buildProductionTargetName: 'build-production',
        minScore: 80,
        coverage: { lines: 80, statements: 80, functions: 80, branches: 80, changedLines: 80 },
        budgets: { firstLoadJsKb: 200 },
      },
    });
    expect(readJson(tree, 'package.json').devDependencies['@plinto/ready']).toBeDefined();
    // The plugin's peer @nx/devkit, on the running nx's version, where the workspace does not declare one.
    const nx = JSON.parse(readFileSync(require.resolve('nx/package.json'), 'utf8')).version;
    expect(readJson(tree, 'package.json').devDependencies['@nx/devkit']).toBe(nx);
  });

  it('keeps a devkit version the workspace already declares', async () => {
    tree.write('package.json', JSON.stringify({ name: 'ws', devDependencies: { '@nx/devkit': '23.0.0' } }));
    await initGenerator(tree, { skipFormat: true });
    expect(readJson(tree, 'package.json').devDependencies['@nx/devkit']).toBe('23.0.0');
  });

  it('changes nothing on a second run', async () => {
    await initGenerator(tree, { skipFormat: true });
    const before = tree.read('nx.json', 'utf8');
    const changes = tree.listChanges().length;
    await initGenerator(tree, { skipFormat: true, minScore: 10 });
    expect(tree.read('nx.json', 'utf8')).toBe(before);
    expect(tree.listChanges().length).toBe(changes);
  });

  it('keeps an existing entry and its options as the user wrote them', async () => {
    const nxJson = readJson(tree, 'nx.json');
    nxJson.plugins = ['@nx/js/typescript', { plugin: '@plinto/ready', options: { minScore: 42 } }];
    tree.write('nx.json', JSON.stringify(nxJson));
    const before = tree.read('nx.json', 'utf8');
    await initGenerator(tree, { skipFormat: true, skipPackageJson: true });
    expect(tree.read('nx.json', 'utf8')).toBe(before);
  });

  it('takes minScore for a new entry', async () => {
    await initGenerator(tree, { skipFormat: true, minScore: 65 });
    expect(JSON.stringify(readNxJson(tree)!.plugins)).toContain('"minScore":65');
  });

  it('fails with one sentence and writes nothing when nx.json is not JSON', async () => {
    tree.write('nx.json', '{ "plugins": [ ');
    const changesBefore = tree.listChanges().map((c) => c.path);
    await expect(initGenerator(tree, {})).rejects.toThrow(/^nx\.json is not valid JSON \(.+\): fix it, then run the command again\.$/);
    expect(tree.listChanges().map((c) => c.path)).toEqual(changesBefore);
  });

  it('fails clearly when there is no nx.json', async () => {
    tree.delete('nx.json');
    await expect(initGenerator(tree, {})).rejects.toThrow(/^nx\.json does not exist: run this in the root of an Nx workspace/);
  });
});
