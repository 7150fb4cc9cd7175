import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateNodesContextV2 } from '@nx/devkit';
import { TempWorkspace } from '../testing/temp-workspace';
import { createNodes, createNodesV2 } from './create-nodes';

describe('createNodes', () => {
  let ws: TempWorkspace;
  let context: CreateNodesContextV2;
  beforeEach(() => {
    ws = new TempWorkspace();
    ws.write('package.json', {
      name: 'root',
      workspaces: ['apps/*', 'libs/*'],
      devDependencies: { typescript: '5.9.3', '@plinto/ready': '0.1.0', next: '16.1.6' },
    });
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
    ws.write('eslint.config.mjs', 'export default [];');
    ws.write('.github/workflows/ci.yml', 'jobs: {}');
    context = { nxJsonConfiguration: {}, workspaceRoot: ws.root };
  });
  afterEach(() => ws.cleanup());

  const files = ['package.json', 'apps/web/package.json', 'libs/ui/project.json', 'libs/ui/package.json', 'tools/scripts/package.json'];

  it('is exported under both names, matching project files', () => {
    expect(createNodesV2).toBe(createNodes);
    expect(createNodes[0]).toBe('**/{project.json,package.json}');
  });

  it('infers every target on a Next.js app at the workspace root (a single-app repository after nx init), its results in a folder of their own', async () => {
    const single = new TempWorkspace();
    try {
      // nx init makes the root a project by package.json's "nx" key; Vitest with no config file.
      single.write('package.json', { name: 'shop', nx: {}, scripts: { test: 'vitest run' }, devDependencies: { next: '15.5.0' } });
      single.write('next.config.mjs', 'export default {};');
      single.write('nx.json', {});
      const results = await createNodes[1](['package.json'], {}, { nxJsonConfiguration: {}, workspaceRoot: single.root });
      const projects = Object.fromEntries(results.flatMap(([, r]) => Object.entries(r.projects ?? {})));
      expect(Object.keys(projects)).toEqual(['.']);
      const targets = projects['.'].targets!;
      expect(Object.keys(targets).sort()).toEqual([
        'build-production',
        'build-record',
        'coverage-gate',
        'coverage-report',
        'ready',
        'security-audit',
        'smoke',
        'smoke-record',
      ]);
      // Never dist/ready itself (the workspace summary's folder), nor all of coverage/.
      expect(targets.ready.options.outputPath).toBe('dist/ready/_root');
      expect(targets.ready.outputs).toContain('{workspaceRoot}/dist/ready/_root/ready.json');
      expect(targets['coverage-report'].options).toMatchObject({
        runner: 'vitest',
        coverageDirectory: 'coverage/_root',
        outputPath: 'dist/ready/_root',
      });
      expect(targets['coverage-report'].options.vitestConfig).toBeUndefined();
      expect(targets['coverage-report'].outputs).toEqual(['{workspaceRoot}/coverage/_root', '{workspaceRoot}/dist/ready/_root/tests.json']);
      // Committing the readiness baseline re-runs ready alone, never the tests or the build.
      for (const name of ['coverage-report', 'coverage-gate', 'build-production'])
        expect(targets[name].inputs).toContain('!{projectRoot}/ready-baseline.json');
      expect(targets.ready.inputs).not.toContain('!{projectRoot}/ready-baseline.json');
    } finally {
      single.cleanup();
    }
  });

  it('infers ready everywhere, coverage-gate with jest, build-production with next.config', async () => {
    const results = await createNodes[1](files, {}, context);
    const projects = Object.fromEntries(results.flatMap(([, r]) => Object.entries(r.projects ?? {})));
    expect(Object.keys(projects).sort()).toEqual(['apps/web', 'libs/ui']);
    expect(Object.keys(projects['apps/web'].targets!).sort()).toEqual([
      'build-production',
      'build-record',
      'coverage-gate',
      'coverage-report',
      'ready',
      'security-audit',
      'smoke',
      'smoke-record',
    ]);
    expect(Object.keys(projects['libs/ui'].targets!)).toEqual(['ready']);

    const ready = projects['apps/web'].targets!['ready'];
    expect(ready).toMatchObject({
      executor: '@plinto/ready:ready',
      cache: true,
      // ready runs the tests (with coverage), the build (recorded, so a failing build is reported) and the audit first.
      dependsOn: ['coverage-report', 'build-record', 'security-audit'],
      inputs: [
        '{projectRoot}/**/*',
        '^ready-sources',
        '{workspaceRoot}/tsconfig.base.json',
        { externalDependencies: ['typescript', '@plinto/ready'] },
        '{workspaceRoot}/eslint.config.mjs',
        '{workspaceRoot}/.github/workflows/**/*',
        // A CI step may run ready through a script of the root package.json.
        '{workspaceRoot}/package.json',
        { runtime: expect.stringMatching(/^node \S*plugin\/base-diff\.js "apps\/web"$/) },
        { dependentTasksOutputFiles: expect.stringContaining('tests.json'), transitive: false },
      ],
      outputs: [
        '{workspaceRoot}/dist/ready/{projectRoot}/ready.json',
        '{workspaceRoot}/dist/ready/{projectRoot}/ready.md',
        '{projectRoot}/ready-baseline.json',
      ],
      options: { minScore: 80, coverage: { lines: 80 }, budgets: { firstLoadJsKb: 200 }, buildRecorded: true },
    });
    // build-record never fails; it is cached over the project's inputs (a failing build is replayed,
    // not run again), runs alone, and its outputs name the build folder for ready's hash.
    expect(projects['apps/web'].targets!['build-record']).toMatchObject({
      executor: '@plinto/ready:build-record',
      cache: true,
      parallelism: false,
      inputs: [
        '{projectRoot}/**/*',
        '!{projectRoot}/ready-baseline.json',
        '^ready-sources',
        '{workspaceRoot}/tsconfig.base.json',
        { externalDependencies: ['typescript', 'next'] },
      ],
      options: { buildTarget: 'build' },
      outputs: expect.arrayContaining(['{workspaceRoot}/dist/ready/{projectRoot}/build-run.json', '{projectRoot}/.next']),
    });
    expect(projects['apps/web'].targets!['build-record'].dependsOn).toBeUndefined();
    // The library extends nothing outside itself, and has neither tests nor a build to wait for.
    expect(projects['libs/ui'].targets!['ready']).toMatchObject({
      dependsOn: [],
      inputs: [
        '{projectRoot}/**/*',
        '^ready-sources',
        { externalDependencies: ['typescript', '@plinto/ready'] },
        '{workspaceRoot}/eslint.config.mjs',
        '{workspaceRoot}/.github/workflows/**/*',
        '{workspaceRoot}/package.json',
        { runtime: expect.stringMatching(/^node \S*plugin\/base-diff\.js "libs\/ui"$/) },
      ],
    });
    // The audit depends on nothing, so Nx runs it while the build runs; it is never cached. The build
    // comes through build-record, as for ready: a run of both builds the app once.
    expect(projects['apps/web'].targets!['build-production']).toMatchObject({
      dependsOn: ['build-record', 'security-audit'],
      cache: true,
      options: { buildRecorded: true },
    });
    expect(projects['apps/web'].targets!['build-production'].inputs).toContainEqual({
      dependentTasksOutputFiles: '**/{security-audit.json,build-run.json}',
      transitive: false,
    });
    // Its manifest names the commit: a replay at another commit must not name the old one.
    expect(projects['apps/web'].targets!['build-production'].inputs).toContainEqual({ runtime: 'git rev-parse HEAD || echo no-git' });
    expect(projects['apps/web'].targets!['security-audit']).toMatchObject({ executor: '@plinto/ready:security-audit', cache: false });
    expect(projects['apps/web'].targets!['security-audit'].dependsOn).toBeUndefined();
    expect(projects['apps/web'].targets!['coverage-report']).toMatchObject({
      cache: true,
      options: { jestConfig: '{projectRoot}/jest.config.cts', testTarget: 'test' },
      outputs: ['{workspaceRoot}/coverage/{projectRoot}', '{workspaceRoot}/dist/ready/{projectRoot}/tests.json'],
    });
    expect(projects['apps/web'].targets!['coverage-gate']).toMatchObject({
      cache: true,
      dependsOn: ['coverage-report'],
      options: { thresholds: { lines: 80 }, changedLines: 80 },
    });
  });

  it("coverage-report waits for what the project's test target waits for: nx.json's target defaults, or the project's own", async () => {
    const run = async (nxJson: object) => {
      ws.write('nx.json', nxJson); // as Nx reads it: on disk, and in the context
      const results = await createNodes[1](files, {}, { ...context, nxJsonConfiguration: nxJson });
      return Object.fromEntries(results.flatMap(([, r]) => Object.entries(r.projects ?? {})))['apps/web'].targets!['coverage-report'];
    };
    expect((await run({})).dependsOn).toBeUndefined();
    expect((await run({ targetDefaults: { test: { dependsOn: ['^build'] } } })).dependsOn).toEqual(['^build']);
    // Nx 23's list form: the entry without a filter applies to every project.
    expect(
      (await run({ targetDefaults: { test: [{ filter: { projects: ['x'] }, dependsOn: ['lint'] }, { dependsOn: ['^build'] }] } }))
        .dependsOn,
    ).toEqual(['^build']);
    ws.write('apps/web/package.json', { name: '@ws/web', nx: { targets: { test: { dependsOn: ['^compile', 'codegen'] } } } });
    expect((await run({ targetDefaults: { test: { dependsOn: ['^build'] } } })).dependsOn).toEqual(['^compile', 'codegen']);
    // Never the project's own build (a Turborepo adoption's test.dependsOn: ["build"]): build-record records it.
    ws.write('apps/web/package.json', { name: '@ws/web' });
    expect((await run({ targetDefaults: { test: { dependsOn: ['build', '^build'] } } })).dependsOn).toEqual(['^build']);
    expect((await run({ targetDefaults: { test: { dependsOn: [{ target: 'build' }] } } })).dependsOn).toBeUndefined();
  });

  it('every project defines ready-sources (its files less its baseline), which its targets take from their dependencies in place of ^default', async () => {
    const results = await createNodes[1](files, {}, context);
    const projects = Object.fromEntries(results.flatMap(([, r]) => Object.entries(r.projects ?? {})));
    for (const root of ['apps/web', 'libs/ui'])
      expect(projects[root].namedInputs).toEqual({ 'ready-sources': ['{projectRoot}/**/*', '!{projectRoot}/ready-baseline.json'] });
    for (const target of ['coverage-report', 'build-record', 'ready'])
      expect({ target, inputs: projects['apps/web'].targets![target].inputs }).toEqual({
        target,
        inputs: expect.arrayContaining(['^ready-sources']),
      });
  });

  it('coverage-report waits for the build of workspace packages the project consumes through their build output, nothing else', async () => {
    const coverageReport = async () => {
      const results = await createNodes[1](files, {}, context);
      return Object.fromEntries(results.flatMap(([, r]) => Object.entries(r.projects ?? {})))['apps/web'].targets!['coverage-report'];
    };
    ws.write('apps/web/package.json', { name: '@ws/web', dependencies: { '@ws/ui': '*' } });
    // Consumed as source (the app's bundler transpiles it): nothing to wait for.
    ws.write('libs/ui/package.json', { name: '@ws/ui', main: './src/index.ts', scripts: { build: 'tsc' } });
    expect((await coverageReport()).dependsOn).toBeUndefined();
    // Built entry points but no build to run: nothing Nx could wait for.
    ws.write('libs/ui/package.json', { name: '@ws/ui', main: './dist/index.js' });
    expect((await coverageReport()).dependsOn).toBeUndefined();
    // Consumed through its build output (exports conditions and types all built files).
    ws.write('libs/ui/package.json', {
      name: '@ws/ui',
      scripts: { build: 'tsc' },
      exports: { '.': { types: './dist/index.d.ts', import: './dist/index.mjs', require: './dist/index.cjs' } },
    });
    expect((await coverageReport()).dependsOn).toEqual(['^build']);
    const buildRecord = async () => {
      const results = await createNodes[1](files, {}, context);
      return Object.fromEntries(results.flatMap(([, r]) => Object.entries(r.projects ?? {})))['apps/web'].targets!['build-record'];
    };
    expect((await buildRecord()).dependsOn).toEqual(['^build']);
    // The build target may come from project.json rather than a script.
    ws.write('libs/ui/package.json', { name: '@ws/ui', main: './dist/index.js' });
    ws.write('libs/ui/project.json', { name: 'ui', targets: { build: { command: 'tsc' } } });
    expect((await coverageReport()).dependsOn).toEqual(['^build']);
    // A package the app does not depend on changes nothing.
    ws.write('apps/web/package.json', { name: '@ws/web' });
    expect((await coverageReport()).dependsOn).toBeUndefined();
    expect((await buildRecord()).dependsOn).toBeUndefined();
  });

  it("build-record is hashed and cached as the project's build is: its own target, else nx.json's target defaults", async () => {
    const run = async (nxJson: object) => {
      ws.write('nx.json', nxJson);
      const results = await createNodes[1](files, {}, { ...context, nxJsonConfiguration: nxJson });
      return Object.fromEntries(results.flatMap(([, r]) => Object.entries(r.projects ?? {})))['apps/web'].targets!['build-record'];
    };
    const defaults = { targetDefaults: { build: { cache: true, inputs: ['production', '^production', { env: 'NEXT_PUBLIC_API' }] } } };
    expect(await run(defaults)).toMatchObject({
      cache: true,
      inputs: ['production', '^production', { env: 'NEXT_PUBLIC_API' }, '!{projectRoot}/ready-baseline.json'],
    });
    // A build the workspace does not cache is run every time, so is its record.
    expect(await run({ targetDefaults: { build: { cache: false } } })).toMatchObject({ cache: false });
    ws.write('apps/web/package.json', { name: '@ws/web', nx: { targets: { build: { cache: false, inputs: ['default'] } } } });
    expect(await run(defaults)).toMatchObject({ cache: false, inputs: ['default', '!{projectRoot}/ready-baseline.json'] });
  });

  it('takes target names and thresholds from the plugin options', async () => {
    const results = await createNodes[1](
      files,
      {
        readyTargetName: 'readiness',
        buildTargetName: 'compile',
        securityAuditTargetName: 'audit',
        buildRecordTargetName: 'compile-record',
        minScore: 65,
        coverage: { lines: 50 },
      },
      context,
    );
    const web = results.find(([file]) => file === 'apps/web/package.json')![1].projects!['apps/web'];
    expect(Object.keys(web.targets!).sort()).toEqual([
      'audit',
      'build-production',
      'compile-record',
      'coverage-gate',
      'coverage-report',
      'readiness',
      'smoke',
      'smoke-record',
    ]);
    expect(web.targets!['compile-record'].options.buildTarget).toBe('compile');
    expect(web.targets!['readiness'].options.minScore).toBe(65);
    expect(web.targets!['build-production'].dependsOn).toEqual(['compile-record', 'audit']);
    expect(web.targets!['coverage-gate'].options.thresholds).toEqual({ lines: 50, statements: 80, functions: 80, branches: 80 });
    expect(web.targets!['readiness'].dependsOn).toEqual(['coverage-report', 'compile-record', 'audit']);
  });

  it('a Vitest library gets coverage-report and coverage-gate running Vitest, and ready waits for its run', async () => {
    ws.write('libs/calc/package.json', { name: '@ws/calc' });
    ws.write('libs/calc/vite.config.mts', "export default { test: { environment: 'node' } };");
    const results = await createNodes[1](['libs/calc/package.json'], {}, context);
    const calc = results[0][1].projects!['libs/calc'];
    expect(calc.targets!['coverage-report']).toMatchObject({
      options: { vitestConfig: '{projectRoot}/vite.config.mts', testTarget: 'test' },
      metadata: { technologies: ['vitest'] },
    });
    expect(calc.targets!['coverage-report'].options.jestConfig).toBeUndefined();
    expect(calc.targets!['coverage-report'].inputs).not.toContain('{workspaceRoot}/jest.preset.js');
    expect(calc.targets!['coverage-gate'].dependsOn).toEqual(['coverage-report']);
    expect(calc.targets!['ready'].dependsOn).toEqual(['coverage-report']);
  });

  it('ready can be told not to run the tests and the build', async () => {
    const results = await createNodes[1](files, { readyRunsTests: false, readyRunsBuild: false }, context);
    const web = results.find(([file]) => file === 'apps/web/package.json')![1].projects!['apps/web'];
    expect(web.targets!['ready'].dependsOn).toEqual([]);
    // Without build-record before it, ready does not trust an old record of the build.
    expect(web.targets!['ready'].options.buildRecorded).toBeUndefined();
  });

  it('ready depends on a recorded smoke run when told to (readyRunsSmoke), never on the smoke gate', async () => {
    const results = await createNodes[1](files, { readyRunsSmoke: true }, context);
    const web = results.find(([file]) => file === 'apps/web/package.json')![1].projects!['apps/web'];
    expect(web.targets!['ready'].dependsOn).toEqual(['coverage-report', 'build-record', 'security-audit', 'smoke-record']);
    expect(web.targets!['ready'].options).toMatchObject({
      smokeRecorded: true,
      targetNames: { smoke: 'smoke', smokeRecord: 'smoke-record' },
    });
    expect(JSON.stringify(web.targets!['ready'].inputs)).toContain('smoke-record.json');
    // The record serves what build-record built (build-production is a gate that may fail), and never fails itself.
    expect(web.targets!['smoke-record']).toMatchObject({
      executor: '@plinto/ready:smoke',
      cache: true,
      dependsOn: ['build-record'],
      outputs: ['{workspaceRoot}/dist/ready/{projectRoot}/smoke-record.json'],
      options: { record: true },
    });
    expect(web.targets!['smoke'].dependsOn).toEqual(['build-production']);
    // A library has no app to serve: nothing changes for it.
    const ui = results.flatMap(([, r]) => Object.entries(r.projects ?? {})).find(([root]) => root === 'libs/ui')![1];
    expect(ui.targets!['ready'].options.smokeRecorded).toBeUndefined();
    // By default ready boots nothing.
    const plain = (await createNodes[1](files, {}, context)).find(([file]) => file === 'apps/web/package.json')![1].projects!['apps/web'];
    expect(plain.targets!['ready'].dependsOn).not.toContain('smoke-record');
  });

  it('gives every inferred target only options its executor lists (an unknown one would fail the task)', async () => {
    const executors = JSON.parse(readFileSync(join(__dirname, '../../executors.json'), 'utf8')).executors;
    for (const options of [{}, { readyRunsSmoke: true }]) {
      const results = await createNodes[1](files, options, context);
      for (const [, result] of results)
        for (const project of Object.values(result.projects ?? {}))
          for (const [name, target] of Object.entries(project.targets ?? {})) {
            const executor = String(target.executor).replace('@plinto/ready:', '');
            const listed = Object.keys(JSON.parse(readFileSync(join(__dirname, '../..', executors[executor].schema), 'utf8')).properties);
            expect({ name, unlisted: Object.keys(target.options ?? {}).filter((o) => !listed.includes(o)) }).toEqual({
              name,
              unlisted: [],
            });
          }
    }
  });

  it('does not fail the project graph over a broken tsconfig', async () => {
    ws.write('libs/ui/tsconfig.json', '{ nope');
    const results = await createNodes[1](files, {}, context);
    const ui = results.find(([file]) => file === 'libs/ui/project.json')![1].projects!['libs/ui'];
    expect(ui.targets!['ready']).toBeDefined();
  });

  describe('checks the options when the graph is built', () => {
    const entries = (options: unknown) => ({
      nxJsonConfiguration: { plugins: ['@nx/next/plugin', { plugin: '@nx/jest/plugin' }, { plugin: '@plinto/ready', options }] },
      workspaceRoot: ws.root,
    });
    const fails = (options: Record<string, unknown>) => createNodes[1](files, options as never, entries(options));

    it('names nx.json, the entry and every bad option at once, for each option type', async () => {
      await expect(fails({ minScore: 'eighty', coverage: 80, budgets: { firstLoadJsKb: 'big' } })).rejects.toThrow(
        'nx.json plugins[2] (@plinto/ready): minScore must be a number, got "eighty"; coverage must be an object, got 80; budgets.firstLoadJsKb must be a number, got "big". Fix them in nx.json.',
      );
      await expect(fails({ minLevel: 'platinum' })).rejects.toThrow('minLevel must be one of "bronze", "silver", "gold", got "platinum"');
      await expect(fails({ readyRunsTests: 'yes' })).rejects.toThrow('readyRunsTests must be a boolean, got "yes"');
      await expect(fails({ readyTargetName: 3 })).rejects.toThrow('readyTargetName must be a string, got 3');
      await expect(fails({ levels: { silver: 'lint' } })).rejects.toThrow('levels.silver must be an array, got "lint"');
      await expect(fails({ levels: { diamond: [] } })).rejects.toThrow('levels.diamond is not an option of levels');
      await expect(fails({ weights: { images: -1 } })).rejects.toThrow('weights.images must be >= 0, got -1');
      await expect(fails({ coverage: { lines: 180 } })).rejects.toThrow('coverage.lines must be <= 100, got 180');
      await expect(fails({ minScor: 80 })).rejects.toThrow('nx.json plugins[2] (@plinto/ready): minScor is not an option');
    });

    it('names the project file and target of a bad target option, and nx.json targetDefaults', async () => {
      ws.write('libs/ui/project.json', { name: 'ui', targets: { ready: { options: { minScore: 'high', waivers: [{ check: 'lint' }] } } } });
      ws.write('apps/web/package.json', { name: '@ws/web', nx: { targets: { 'coverage-gate': { options: { tolerance: 'some' } } } } });
      await expect(createNodes[1](files, {}, context)).rejects.toThrow(
        'Invalid @plinto/ready target options: apps/web/package.json nx.targets.coverage-gate.options: tolerance must be a number, got "some"; ' +
          'libs/ui/project.json targets.ready.options: minScore must be a number, got "high"; ' +
          'libs/ui/project.json targets.ready.options: waivers.0 needs "reason"; libs/ui/project.json targets.ready.options: waivers.0 needs "expires"',
      );
      ws.write('libs/ui/project.json', { name: 'ui' });
      ws.write('apps/web/package.json', { name: '@ws/web' });
      const withDefaults = {
        ...context,
        nxJsonConfiguration: { targetDefaults: { '@plinto/ready:ready': { options: { minLevel: 'best' } } } },
      };
      await expect(createNodes[1](files, {}, withDefaults)).rejects.toThrow(
        'nx.json targetDefaults.@plinto/ready:ready.options: minLevel must be one of "bronze", "silver", "gold", got "best"',
      );
    });

    it('leaves targets of other executors that share a name alone', async () => {
      ws.write('libs/ui/project.json', { name: 'ui', targets: { ready: { executor: 'nx:run-commands', options: { minScore: 'high' } } } });
      await expect(createNodes[1](files, {}, context)).resolves.toBeDefined();
    });
  });
});
