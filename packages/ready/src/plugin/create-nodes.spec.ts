import { CreateNodesContextV2 } from '@nx/devkit';
import { TempWorkspace } from '../testing/temp-workspace';
import { createNodes, createNodesV2 } from './create-nodes';

describe('createNodes', () => {
  let ws: TempWorkspace;
  let context: CreateNodesContextV2;
  beforeEach(() => {
    ws = new TempWorkspace();
    ws.write('package.json', { name: 'root', workspaces: ['apps/*', 'libs/*'], devDependencies: { typescript: '5.9.3', '@plinto/ready': '0.1.0', next: '16.1.6' } });
    ws.write('nx.json', {});
    ws.write('tsconfig.base.json', { compilerOptions: { strict: true } });
    // A Next.js app configured by package.json only, with jest.
    ws.write('apps/web/package.json', { name: '@ws/web' });
    ws.write('apps/web/next.config.js', 'module.exports = {};');
    ws.write('apps/web/jest.config.cts', 'module.exports = {};');
    ws.write('apps/web/tsconfig.json', { extends: '../../tsconfig.base.json' });
    // A library with project.json beside its package.json, without jest.
    ws.write('libs/ui/project.json', { name: 'ui' });
    ws.write('libs/ui/package.json', { name: '@ws/ui' });
    ws.write('libs/ui/tsconfig.json', { compilerOptions: { strict: true } });
    // Not projects: a package.json outside the workspaces globs, and the root itself.
    ws.write('tools/scripts/package.json', { name: 'scripts' });
    context = { nxJsonConfiguration: {}, workspaceRoot: ws.root };
  });
  afterEach(() => ws.cleanup());

  const files = ['package.json', 'apps/web/package.json', 'libs/ui/project.json', 'libs/ui/package.json', 'tools/scripts/package.json'];

  it('is exported under both names, matching project files', () => {
    expect(createNodesV2).toBe(createNodes);
    expect(createNodes[0]).toBe('**/{project.json,package.json}');
  });

  it('infers ready everywhere, coverage-gate with jest, build-production with next.config', async () => {
    const results = await createNodes[1](files, {}, context);
    const projects = Object.fromEntries(results.flatMap(([, r]) => Object.entries(r.projects ?? {})));
    expect(Object.keys(projects).sort()).toEqual(['apps/web', 'libs/ui']);
    expect(Object.keys(projects['apps/web'].targets!).sort()).toEqual(['build-production', 'coverage-gate', 'ready']);
    expect(Object.keys(projects['libs/ui'].targets!)).toEqual(['ready']);

    const ready = projects['apps/web'].targets!['ready'];
    expect(ready).toMatchObject({
      executor: '@plinto/ready:ready',
      cache: true,
      inputs: ['{projectRoot}/**/*', '{workspaceRoot}/tsconfig.base.json', { externalDependencies: ['typescript', '@plinto/ready'] }],
      outputs: ['{workspaceRoot}/dist/ready/{projectRoot}/ready.json', '{workspaceRoot}/dist/ready/{projectRoot}/ready.md'],
      options: { minScore: 80 },
    });
    // The library extends nothing outside itself.
    expect(projects['libs/ui'].targets!['ready'].inputs).toEqual(['{projectRoot}/**/*', { externalDependencies: ['typescript', '@plinto/ready'] }]);
    expect(projects['apps/web'].targets!['build-production']).toMatchObject({ dependsOn: ['build'], cache: true });
    expect(projects['apps/web'].targets!['coverage-gate']).toMatchObject({
      cache: true,
      options: { jestConfig: '{projectRoot}/jest.config.cts', thresholds: { lines: 80 } },
    });
  });

  it('takes target names and thresholds from the plugin options', async () => {
    const results = await createNodes[1](
      files,
      { readyTargetName: 'readiness', buildTargetName: 'compile', minScore: 65, coverage: { lines: 50 } },
      context,
    );
    const web = results.find(([file]) => file === 'apps/web/package.json')![1].projects!['apps/web'];
    expect(Object.keys(web.targets!).sort()).toEqual(['build-production', 'coverage-gate', 'readiness']);
    expect(web.targets!['readiness'].options.minScore).toBe(65);
    expect(web.targets!['build-production'].dependsOn).toEqual(['compile']);
    expect(web.targets!['coverage-gate'].options.thresholds).toEqual({ lines: 50, statements: 80, functions: 80, branches: 80 });
  });

  it('does not fail the project graph over a broken tsconfig', async () => {
    ws.write('libs/ui/tsconfig.json', '{ nope');
    const results = await createNodes[1](files, {}, context);
    const ui = results.find(([file]) => file === 'libs/ui/project.json')![1].projects!['libs/ui'];
    expect(ui.targets!['ready']).toBeDefined();
  });
});
