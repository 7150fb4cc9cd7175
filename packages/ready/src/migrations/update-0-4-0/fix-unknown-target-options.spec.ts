import { Tree, addProjectConfiguration, logger, readJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import fixUnknownTargetOptions from './fix-unknown-target-options';

describe('0.4.0 migration: fix-unknown-target-options', () => {
  let tree: Tree;
  let info: jest.SpyInstance;
  const printed = () => info.mock.calls.map((c) => String(c[0])).join('\n');
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => info.mockRestore());

  it('renames slips of known options in nx.json and project files, and reports the rest with file:line', async () => {
    const nx = readJson(tree, 'nx.json');
    nx.plugins = [{ plugin: '@plinto/ready', options: { readyTargetName: 'readiness' } }];
    nx.targetDefaults = {
      readiness: { options: { minscore: 70, colour: 'red' } },
      '@plinto/ready:smoke': { options: { p95ms: 300 } },
      build: { options: { minscore: 1 } }, // not the plugin's: never touched
    };
    tree.write('nx.json', JSON.stringify(nx, null, 2) + '\n');
    addProjectConfiguration(tree, 'web', {
      root: 'apps/web',
      targets: { readiness: { options: { updatebaseline: false }, configurations: { ci: { minScore: 80, minscore: 90 } } } },
    });
    await fixUnknownTargetOptions(tree);
    const after = readJson(tree, 'nx.json');
    expect(after.targetDefaults.readiness.options).toEqual({ minScore: 70, colour: 'red' });
    expect(after.targetDefaults['@plinto/ready:smoke'].options).toEqual({ p95Ms: 300 });
    expect(after.targetDefaults.build.options).toEqual({ minscore: 1 });
    const web = readJson(tree, 'apps/web/project.json');
    expect(web.targets.readiness.options).toEqual({ updateBaseline: false });
    // The known option is set already: the slip stays, and is reported.
    expect(web.targets.readiness.configurations.ci).toEqual({ minScore: 80, minscore: 90 });
    expect(printed()).toMatch(/renamed nx\.json:\d+: minscore → minScore \(@plinto\/ready:ready reads minScore\)/);
    expect(printed()).toMatch(/left {4}nx\.json:\d+: colour is not an option of @plinto\/ready:ready; remove it/);
    expect(printed()).toMatch(
      /left {4}apps\/web\/project\.json:\d+: minscore is not an option of @plinto\/ready:ready \(minScore is set already\)/,
    );
    // A second run renames nothing more.
    const snapshot = tree.read('nx.json', 'utf-8');
    await fixUnknownTargetOptions(tree);
    expect(tree.read('nx.json', 'utf-8')).toBe(snapshot);
  });

  it('changes nothing in a workspace whose options are all known', async () => {
    addProjectConfiguration(tree, 'web', { root: 'apps/web', targets: { ready: { options: { minScore: 70 } } } });
    const before = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    await fixUnknownTargetOptions(tree);
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(before);
    expect(printed()).toContain('nothing to do');
  });
});
