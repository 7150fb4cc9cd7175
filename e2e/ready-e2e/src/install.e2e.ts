/** The path `nx add @plinto/ready` takes, on a real workspace, and the targets it brings. */
import { APP, APP_ROOT, LIB, TAG_INSTALLED, changesSinceStaged, readWsJson, resetWorkspace, run, runOk, sh, showProject } from './harness';

describe('installing @plinto/ready', () => {
  beforeAll(() => resetWorkspace(TAG_INSTALLED));
  afterAll(() => resetWorkspace());

  it('init --dry-run writes nothing', () => {
    const r = runOk('npx nx g @plinto/ready:init --dry-run');
    expect(r.output).toContain('UPDATE nx.json');
    expect(sh('git status --porcelain')).toBe('');
  });

  it('init registers the plugin with its default options, and a second run changes nothing', () => {
    runOk('npx nx g @plinto/ready:init');
    const entry = readWsJson('nx.json').plugins.find((p: any) => typeof p === 'object' && p.plugin === '@plinto/ready');
    expect(entry.options).toMatchObject({
      readyTargetName: 'ready',
      minScore: 80,
      coverage: { lines: 80 },
      budgets: { firstLoadJsKb: 200 },
    });
    sh('git add -A');
    const second = runOk('npx nx g @plinto/ready:init');
    expect(second.output).toContain('already registered');
    expect(changesSinceStaged()).toBe('');
  });

  it('nx list shows the plugin generators and executors', () => {
    const r = runOk('npx nx list @plinto/ready');
    expect(r.output).toMatch(/init/);
    expect(r.output).toMatch(/ready/);
  });

  it('infers ready, coverage-gate and build-production on the app, ready and coverage-gate on the library', () => {
    const app = showProject(APP);
    expect(app.root).toBe(APP_ROOT);
    expect(Object.keys(app.targets)).toEqual(expect.arrayContaining(['ready', 'coverage-gate', 'build-production']));
    expect(app.targets['ready']).toMatchObject({
      executor: '@plinto/ready:ready',
      cache: true,
      outputs: [
        '{workspaceRoot}/dist/ready/{projectRoot}/ready.json',
        '{workspaceRoot}/dist/ready/{projectRoot}/ready.md',
        '{projectRoot}/ready-baseline.json',
      ],
      inputs: expect.arrayContaining(['{projectRoot}/**/*', '{workspaceRoot}/tsconfig.base.json']),
    });
    // The build comes through build-record, as for ready: a run of both builds the app once.
    expect(app.targets['build-production']).toMatchObject({ cache: true, dependsOn: ['build-record', 'security-audit'] });
    // The audit depends on nothing: Nx runs it while the build runs. It is never replayed from cache;
    // what the registry said goes beside its record, which ready and build-production hash.
    expect(app.targets['security-audit']).toMatchObject({
      executor: '@plinto/ready:security-audit',
      cache: false,
      outputs: [
        '{workspaceRoot}/dist/ready/{projectRoot}/security-audit.json',
        '{workspaceRoot}/dist/ready/{projectRoot}/security-audit.note.txt',
      ],
    });
    const lib = showProject(LIB);
    expect(Object.keys(lib.targets)).toEqual(expect.arrayContaining(['ready', 'coverage-gate']));
    expect(Object.keys(lib.targets)).not.toContain('build-production');
    expect(Object.keys(lib.targets)).not.toContain('security-audit');
  });

  it('the graph is not broken by the plugin: nx show projects lists both', () => {
    const r = run('npx nx show projects --json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expect.arrayContaining([APP, LIB]));
  });
});
