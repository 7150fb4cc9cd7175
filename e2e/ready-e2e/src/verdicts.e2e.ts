/**
 * Verdicts a team can trust, on the real workspace: plugin options checked when the graph is built,
 * every generator reached by the short project name, and a run that measured nothing leaving the
 * last summary as it was. (The gate itself, the baseline and waivers: ready-affected.e2e.ts.)
 */
import { APP, APP_ROOT, LIB, LIB_ROOT, readWsFile, readWsJson, resetWorkspace, run, runOk, writeWsFile } from './harness';

const NO_STACK = /\n\s+at .+\(.+:\d+:\d+\)/;

describe('verdicts a team can trust', () => {
  beforeEach(() => resetWorkspace());
  afterAll(() => resetWorkspace());

  const setPluginOptions = (change: (options: Record<string, unknown>) => void) => {
    const nx = readWsJson('nx.json');
    const entry = nx.plugins.find((p: { plugin?: string }) => p.plugin === '@plinto/ready');
    change(entry.options);
    writeWsFile('nx.json', JSON.stringify(nx, null, 2));
    return nx.plugins.indexOf(entry);
  };

  it('a bad option in nx.json fails every Nx command before any task runs, naming nx.json, the entry and every bad option', () => {
    const index = setPluginOptions((o) => {
      o.minScore = 'eighty';
      o.coverage = 80;
      o.budgets = { firstLoadJsKb: 'big' };
    });
    const show = run('npx nx show projects');
    expect(show.code).not.toBe(0);
    expect(show.output).toContain(
      `nx.json plugins[${index}] (@plinto/ready): minScore must be a number, got "eighty"; coverage must be an object, got 80; budgets.firstLoadJsKb must be a number, got "big". Fix them in nx.json.`,
    );
    expect(show.output).not.toMatch(NO_STACK);
    const ready = run(`npx nx run ${APP}:ready`);
    expect(ready.code).not.toBe(0);
    expect(ready.output).toContain('minScore must be a number, got "eighty"');
    expect(ready.output).not.toContain(`nx run ${APP}:coverage-report`); // nothing ran first
  });

  it("a bad option of a project's ready target names the project file that holds it", () => {
    const pkg = readWsJson(`${APP_ROOT}/package.json`);
    pkg.nx = { ...pkg.nx, targets: { ready: { options: { minLevel: 'best', maxBuildSeconds: 'slow' } } } };
    writeWsFile(`${APP_ROOT}/package.json`, JSON.stringify(pkg, null, 2));
    const show = run('npx nx show projects');
    expect(show.code).not.toBe(0);
    expect(show.output).toContain(
      `${APP_ROOT}/package.json nx.targets.ready.options: minLevel must be one of "bronze", "silver", "gold", got "best"; ` +
        `${APP_ROOT}/package.json nx.targets.ready.options: maxBuildSeconds must be a number, got "slow"`,
    );
  });

  it('every generator takes the short name (web for @ws/web) as nx run does, and a typo gets the near name', () => {
    const short = APP.replace(/^@[^/]+\//, '');
    for (const generator of ['next-image', 'env', 'strict', 'dynamic-import']) {
      const r = run(`npx nx g @plinto/ready:${generator} --project=${short} --dry-run`);
      expect({ generator, code: r.code, unknown: /does not exist/.test(r.output) }).toEqual({ generator, code: 0, unknown: false });
    }
    const typo = run(`npx nx g @plinto/ready:env --project=${short[1]}${short[0]}${short.slice(2)} --dry-run`);
    expect(typo.code).not.toBe(0);
    expect(typo.output).toContain(`(did you mean "${APP}"?)`);
    expect(typo.output).not.toMatch(NO_STACK);
  });

  it('a ready run that measured nothing leaves the last summary as it was; a partial one marks the project it did not measure stale', () => {
    const both = `npx nx run-many -t ready -p ${LIB} ${APP} --excludeTaskDependencies`;
    run(both);
    const summary = readWsFile('dist/ready/summary.md');
    const dashboard = readWsFile('dist/ready/index.html');
    expect(summary).toContain(`| ${LIB} |`);
    // The library's ready fails before it measures (a baseline that is not JSON): its old ready.json is not this run's.
    writeWsFile(`${LIB_ROOT}/ready-baseline.json`, '{ "schemaVersion": 1, ');
    const none = run(`npx nx run-many -t ready -p ${LIB} --excludeTaskDependencies`);
    expect(none.code).not.toBe(0);
    expect(none.output).toContain(`${LIB_ROOT}/ready-baseline.json is not valid JSON`);
    expect(none.output).toContain('no project was measured in this run; dist/ready/summary.md is left as it was');
    expect(readWsFile('dist/ready/summary.md')).toBe(summary);
    expect(readWsFile('dist/ready/index.html')).toBe(dashboard);
    run(both);
    const partial = readWsJson('dist/ready/summary.json');
    const lib = partial.projects.find((p: { project: string }) => p.project === LIB);
    const app = partial.projects.find((p: { project: string }) => p.project === APP);
    expect(lib).toMatchObject({ status: 'stale', measuredAt: expect.stringMatching(/^\d{4}-/) });
    expect(app.status).not.toBe('stale');
    expect(readWsFile('dist/ready/summary.md')).toMatch(
      new RegExp(`\\| ${LIB.replace('/', '\\/')} \\| \\d+ \\| \\S+ \\| stale \\(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\) \\|`),
    );
  });

  it('coverage-report on a project with no test says so in words, records it and succeeds; ready reports it, so the project is never hidden', () => {
    runOk(`find ${LIB_ROOT} -not -path '*/node_modules/*' \\( -name '*.spec.*' -o -name '*.test.*' \\) -type f -delete`);
    const noTests = new RegExp(`no tests found in ${LIB.replace('/', '\\/')} \\(jest testMatch: .+\\): add a spec or remove the target\\.`);
    const report = run(`npx nx run ${LIB}:coverage-report --skip-nx-cache`);
    // A measuring target records what went wrong and succeeds: only the gates fail.
    expect(report.code).toBe(0);
    expect(report.output).toMatch(noTests);
    expect(report.output).not.toContain('fix the jest configuration');
    expect(readWsJson(`dist/ready/${LIB_ROOT}/tests.json`)).toMatchObject({ passed: false, error: expect.stringMatching(noTests) });
    const ready = run(`npx nx run ${LIB}:ready --skip-nx-cache --minScore=0`);
    expect(ready.code).not.toBe(0);
    const tests = readWsJson(`dist/ready/${LIB_ROOT}/ready.json`).checks.find((c: { id: string }) => c.id === 'tests');
    expect(tests).toMatchObject({ status: 'fail', details: [{ message: expect.stringMatching(noTests) }] });
  });
});
