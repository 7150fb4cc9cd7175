import { stripVTControlCharacters } from 'node:util';
import { ExecutorContext } from '@nx/devkit';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TempWorkspace } from '../../testing/temp-workspace';
import readyExecutor from './executor';
import { renderMarkdown } from '../../features/readiness/render';
import { computeScore } from '../../features/readiness/score';
import { CheckResult } from '../../core/contracts/check';
import Ajv from 'ajv';

const LINT_OK = { executor: 'nx:run-commands', options: { command: 'node -e "process.exit(0)"' } };
const LINT_FAILS = {
  executor: 'nx:run-commands',
  options: { command: 'node -e "console.log(\'a.ts:1 no-unused-vars\'); process.exit(1)"' },
};

function context(root: string, targets: Record<string, unknown> = { lint: LINT_OK, test: {} }): ExecutorContext {
  return {
    root,
    cwd: root,
    isVerbose: false,
    projectName: 'web',
    projectsConfigurations: { version: 2, projects: { web: { root: 'apps/web', projectType: 'application', targets } } },
    nxJsonConfiguration: {},
    projectGraph: { nodes: {}, dependencies: {} },
  } as unknown as ExecutorContext;
}

function seedApp(ws: TempWorkspace, tsconfig: string) {
  ws.withTypeScript('5.9.3');
  ws.write('apps/web/next.config.js', 'module.exports = {};');
  ws.write('apps/web/tsconfig.json', tsconfig);
  ws.write('apps/web/app/page.tsx', 'export default () => <img src="/hero.png" alt="" />;');
  mkdirSync(join(ws.root, 'apps/web/public'), { recursive: true });
  copyFileSync(join(__dirname, '../../codemods/next-image/__fixtures__/public/hero.png'), join(ws.root, 'apps/web/public/hero.png'));
}

describe('ready executor', () => {
  let ws: TempWorkspace;
  let info: jest.SpyInstance;
  beforeEach(() => {
    ws = new TempWorkspace();
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => {
    info.mockRestore();
    ws.cleanup();
  });

  it('writes a ready.json that validates against the published schema, and ready.md', async () => {
    seedApp(ws, JSON.stringify({ compilerOptions: { strict: true } }));
    const result = await readyExecutor({ outputPath: 'dist/ready/{projectRoot}', minScore: 70 }, context(ws.root));
    // Over minScore, but two checks fail: without a baseline that is not ready.
    expect(result.success).toBe(false);
    const report = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(__dirname, 'ready.schema.json'), 'utf8')));
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report).toMatchObject({
      schemaVersion: 1,
      project: 'web',
      projectRoot: 'apps/web',
      status: 'fail',
      level: null,
      failures: ['images and scripts fail'],
      verdict: { headline: 'not ready: images and scripts fail', decidedBy: 'checks', baseline: null },
      applies: 12,
    });
    expect(report.checks.map((c: CheckResult) => [c.id, c.status, c.score, c.weight])).toEqual([
      ['typescript-strict', 'pass', 100, 20],
      ['typecheck', 'skip', 0, 15],
      ['lint', 'pass', 100, 10],
      ['tests', 'skip', 0, 15],
      ['coverage', 'skip', 0, 20],
      ['images', 'fail', 90, 10],
      ['env', 'pass', 100, 10],
      ['code-splitting', 'pass', 100, 10],
      ['bundle-size', 'skip', 0, 15],
      ['security-audit', 'skip', 0, 10],
      ['build', 'skip', 0, 10],
      ['scripts', 'fail', 0, 10],
      ['backup', 'skip', 0, 10],
    ]);
    expect(report.score).toBe(Math.round((100 * 20 + 100 * 10 + 90 * 10 + 100 * 10 + 100 * 10 + 0 * 10) / 70));
    expect(report.checks.find((c: CheckResult) => c.id === 'build').fix).toBe('nx run web:build');
    expect(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.md'), 'utf8')).toContain('apps/web/app/page.tsx:1');
  });

  it('--updateBaseline writes the committed baseline; then ready holds the project to it, and fails on what gets worse', async () => {
    seedApp(ws, JSON.stringify({ compilerOptions: { strict: true } }));
    const opts = { minScore: 70, checks: ['typescript-strict', 'images', 'scripts'] };
    expect((await readyExecutor(opts, context(ws.root))).success).toBe(false);
    expect((await readyExecutor({ ...opts, updateBaseline: true }, context(ws.root))).success).toBe(true);
    const baseline = JSON.parse(readFileSync(join(ws.root, 'apps/web/ready-baseline.json'), 'utf8'));
    expect(baseline).toMatchObject({
      schemaVersion: 1,
      project: 'web',
      checks: { images: { status: 'fail', figures: { 'convertible raw <img>': 1 } } },
    });
    expect(info.mock.calls.flat().join('\n')).toContain('Baseline written: apps/web/ready-baseline.json');

    expect((await readyExecutor(opts, context(ws.root))).success).toBe(true);
    const held = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.json'), 'utf8'));
    expect(held.verdict).toMatchObject({
      decidedBy: 'baseline',
      headline: 'held by baseline: 2 check(s) still fail (images and scripts), none worse',
    });

    ws.write('apps/web/app/about/page.tsx', 'export default () => <img src="/hero.png" alt="" />;');
    expect((await readyExecutor(opts, context(ws.root))).success).toBe(false);
    const worse = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.json'), 'utf8'));
    expect(worse.verdict.headline).toBe('not ready: worse than the baseline: images convertible raw <img> 2 (baseline: 1)');
  });

  it('names a broken baseline file and the fix, measuring nothing', async () => {
    seedApp(ws, JSON.stringify({ compilerOptions: { strict: true } }));
    ws.write('apps/web/ready-baseline.json', '{ "schemaVersion": 1, ');
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect((await readyExecutor({ checks: ['images'] }, context(ws.root))).success).toBe(false);
      // The Nx logger colours the line where it thinks a terminal (or CI) reads it: judged without colours.
      expect(stripVTControlCharacters(spy.mock.calls.flat().join(' '))).toMatch(
        /^apps\/web\/ready-baseline\.json is not valid JSON .*--updateBaseline/,
      );
    } finally {
      spy.mockRestore();
    }
    expect(existsSync(join(ws.root, 'dist/ready'))).toBe(false);
  });

  it('reports on a project without a tsconfig (a style or asset package): TypeScript checks skip with the reason', async () => {
    ws.withTypeScript('5.9.3').write('libs/styles/package.json', { name: 'styles' }).write('libs/styles/theme.css', 'body{}');
    const ctx = context(ws.root, {});
    (ctx.projectsConfigurations.projects as Record<string, unknown>).web = { root: 'libs/styles', projectType: 'library', targets: {} };
    await readyExecutor({ minScore: 0, outputPath: 'dist/ready/{projectRoot}' }, ctx);
    const report = JSON.parse(readFileSync(join(ws.root, 'dist/ready/libs/styles/ready.json'), 'utf8'));
    // Most checks do not apply to a style package, and its line says how many did.
    expect(report.applies).toBe(report.checks.filter((c: CheckResult) => c.status !== 'skip' || c.fix !== null).length);
    expect(report.applies).toBeLessThan(6);
    const unmeasured = report.checks.filter((c: CheckResult) => c.skipped === 'not measured').length;
    expect(info.mock.calls.flat().join('\n')).toContain(
      `, ${report.applies} of 13 checks apply${unmeasured > 0 ? ` (${unmeasured} not measured)` : ''} — `,
    );
    // No code to test or lint: "no test target" and "no lint target" would be false findings.
    for (const id of ['tests', 'lint', 'coverage']) {
      expect(report.checks.find((c: CheckResult) => c.id === id)).toMatchObject({ status: 'skip', skipped: 'does not apply', fix: null });
    }
    const strict = report.checks.find((c: CheckResult) => c.id === 'typescript-strict');
    expect(strict).toMatchObject({ status: 'skip' });
    expect(strict.details[0].message).toBe('No tsconfig in libs/styles: not a TypeScript project, nothing to check.');
    expect(report.checks.find((c: CheckResult) => c.id === 'typecheck')).toMatchObject({ status: 'skip' });
  });

  it('asks a non-Next app only for CI, and names a .env.production that git ignores', async () => {
    execFileSync('git', ['init', '-q'], { cwd: ws.root });
    ws.write('.gitignore', 'node_modules\n.env*\n')
      .write('apps/api/package.json', { name: 'api' })
      .write('apps/api/src/main.ts', 'export {};\n');
    const api = context(ws.root, {});
    (api.projectsConfigurations.projects as Record<string, unknown>).web = { root: 'apps/api', projectType: 'application', targets: {} };
    await readyExecutor({ minScore: 0, checks: ['scripts'] }, api);
    const apiReport = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/api/ready.json'), 'utf8'));
    expect(apiReport.checks[0]).toMatchObject({ status: 'fail', metric: { text: '0 of 1 checklist items' } });
    expect(apiReport.checks[0].details.map((d: { message: string }) => d.message)).toEqual([
      'no CI definition found (.github/workflows, .gitlab-ci.yml, …)',
    ]);
    expect(apiReport.checks[0].fix).toBe('nx g @plinto/ready:ci');
    // A workflow that runs ready through a root script counts; one that runs something else is named.
    ws.write('.gitlab-ci.yml', 'test:\n  script:\n    - npm test\n');
    await readyExecutor({ minScore: 0, checks: ['scripts'] }, api);
    const gitlab = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/api/ready.json'), 'utf8')).checks[0];
    expect(gitlab.details[0].message).toBe('CI (.gitlab-ci.yml) does not run "nx affected -t ready"');
    expect(gitlab.fix).toBe('nx g @plinto/ready:ci --provider=gitlab');
    ws.write('package.json', { name: 'ws', scripts: { ci: 'nx affected -t lint,ready' } }).write(
      '.gitlab-ci.yml',
      'test:\n  script:\n    - npm run ci\n',
    );
    await readyExecutor({ minScore: 0, checks: ['scripts'] }, api);
    expect(JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/api/ready.json'), 'utf8')).checks[0]).toMatchObject({ status: 'pass' });
    rmSync(join(ws.root, '.gitlab-ci.yml'));

    seedApp(ws, JSON.stringify({ compilerOptions: { strict: true } }));
    ws.write('apps/web/.env.production', 'API_URL=https://api.example.com\n');
    await readyExecutor({ minScore: 0, checks: ['scripts'] }, context(ws.root, { 'build-production': {} }));
    const web = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.json'), 'utf8')).checks[0];
    expect(web.details[0]).toEqual({
      file: 'apps/web/.env.production',
      message: 'ignored by git (.gitignore:2:.env*): a fresh checkout builds without it',
    });
    expect(web.fix).toContain('git add -f apps/web/.env.production');
  });

  it('scores bundle-size as skip, never as a pass, when the build lists no route to measure', async () => {
    seedApp(ws, JSON.stringify({ compilerOptions: { strict: true } }));
    ws.write('apps/web/.next/build-manifest.json', { pages: {}, rootMainFiles: [] }).write('apps/web/.next/BUILD_ID', 'x');
    await readyExecutor({ minScore: 0, checks: ['bundle-size'], audit: false }, context(ws.root));
    const report = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.json'), 'utf8'));
    expect(report.checks[0]).toMatchObject({ id: 'bundle-size', status: 'skip', fix: 'nx run web:build-production' });
    expect(report.checks[0].details[0].message).toContain('no routes to measure');
  });

  it('reports a failing build loudest: build fails with the error, the project fails whatever its score, nothing is measured from .next', async () => {
    seedApp(ws, JSON.stringify({ compilerOptions: { strict: true } }));
    // An older build's output is still there; the record of this run says the build failed.
    ws.write('apps/web/.next/build-manifest.json', { pages: { '/': ['a.js'] } }).write('apps/web/.next/a.js', 'x');
    ws.write('dist/ready/apps/web/build-run.json', {
      schemaVersion: 1,
      target: 'build',
      success: false,
      exitCode: 1,
      error: ['Failed to compile.', './app/page.tsx:3:1', "Type error: Cannot find module '@ws/sdk'"],
    });
    await readyExecutor(
      { minScore: 0, checks: ['build', 'bundle-size', 'security-audit'], audit: false, buildRecorded: true },
      context(ws.root),
    );
    const report = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.json'), 'utf8'));
    const [bundle, audit, build] = report.checks;
    expect(build).toMatchObject({ id: 'build', status: 'fail', score: 0, fix: 'fix the error above, then nx run web:build' });
    expect(build.details.map((d: { message: string }) => d.message)).toEqual([
      'The production build fails (exit code 1):',
      'Failed to compile.',
      './app/page.tsx:3:1',
      "Type error: Cannot find module '@ws/sdk'",
    ]);
    expect(bundle).toMatchObject({ status: 'skip', fix: 'nx run web:build' });
    expect(bundle.details[0].message).toBe('Nothing to measure: the build fails (nx run web:build exited with 1).');
    expect(audit.status).toBe('skip');
    expect(report.status).toBe('fail');
    expect(report.failures).toEqual(['the build fails (nx run web:build exited with 1)']);
    const validate = new Ajv({ allErrors: true, strict: true }).compile(
      JSON.parse(readFileSync(join(__dirname, 'ready.schema.json'), 'utf8')),
    );
    expect(validate(report) ? [] : validate.errors).toEqual([]);
  });

  it('judges the smoke record it depends on: routes under load against its budgets, and the security headers', async () => {
    seedApp(ws, JSON.stringify({ compilerOptions: { strict: true } }));
    ws.write('apps/web/.next/build-manifest.json', { pages: {}, rootMainFiles: [] }).write('apps/web/.next/BUILD_ID', 'x');
    const secure = ['Strict-Transport-Security', 'Content-Security-Policy', 'X-Content-Type-Options'];
    const route = (path: string, p95Ms: number, headerProblems: string[], status: number | null = 200) => ({
      path,
      route: path,
      kind: 'page',
      from: 'build',
      status,
      bytes: 100,
      ttfbMs: 5,
      error: status === null ? 'socket hang up' : null,
      serverOutput: [],
      load: status === null ? null : { requests: 50, requestsPerSecond: 900, p50Ms: 3, p95Ms, p99Ms: p95Ms, non2xx: 0, errors: 0 },
      headerProblems,
    });
    const record = (routes: unknown[], error?: string) => ({
      project: 'web',
      status: 'fail',
      startedWith: 'next start',
      bootMs: 900,
      timings: { probeMs: 10, loadMs: 100, totalMs: 1100 },
      budgets: { p95Ms: 200, maxErrorRate: 0, headers: secure },
      load: { connections: 10, amount: 50, durationSeconds: null },
      routes,
      notRequested: [],
      failures: [],
      ...(error ? { error } : {}),
    });
    const checksOf = async (options: Record<string, unknown>) => {
      await readyExecutor({ minScore: 0, audit: false, ...options }, context(ws.root));
      return JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.json'), 'utf8'));
    };
    ws.write(
      'dist/ready/apps/web/smoke-record.json',
      record([
        route('/', 12, ['Strict-Transport-Security missing', 'X-Powered-By sent (set poweredByHeader: false)']),
        route('/slow', 640, ['Strict-Transport-Security missing']),
        route('/gone', 0, [], null),
      ]),
    );
    // Without readyRunsSmoke the run does not have the checks at all (nothing it was set up to measure).
    const off = await checksOf({});
    expect(off.checks.map((c: CheckResult) => c.id)).not.toContain('smoke');
    // Named in `checks` without the record dependency, they say how to turn it on, and measure nothing.
    const named = await checksOf({ checks: ['smoke'] });
    expect(named.checks[0]).toMatchObject({ status: 'skip', skipped: 'not measured', fix: 'nx run web:smoke' });
    expect(named.checks[0].details[0].message).toContain('"readyRunsSmoke": true');

    const report = await checksOf({ smokeRecorded: true, checks: ['smoke', 'security-headers'] });
    const [smoke, headers] = report.checks;
    expect(smoke).toMatchObject({
      id: 'smoke',
      status: 'fail',
      score: 33,
      metric: { value: 640, unit: 'ms p95 (slowest route)' },
      fix: 'nx run web:smoke',
      items: ['/slow', '/gone'],
      details: [{ message: '/slow: p95 640 ms is over the budget of 200 ms' }, { message: '/gone: socket hang up' }],
    });
    expect(headers).toMatchObject({
      id: 'security-headers',
      status: 'fail',
      score: 0,
      fix: 'nx g @plinto/ready:headers --project=web',
      items: ['Strict-Transport-Security missing', 'X-Powered-By sent (set poweredByHeader: false)'],
      details: [
        { message: 'Strict-Transport-Security missing on every route' },
        { message: 'X-Powered-By sent (set poweredByHeader: false) on /' },
      ],
    });
    const validate = new Ajv({ allErrors: true, strict: true }).compile(
      JSON.parse(readFileSync(join(__dirname, 'ready.schema.json'), 'utf8')),
    );
    expect(validate(report) ? [] : validate.errors).toEqual([]);

    ws.write('dist/ready/apps/web/smoke-record.json', record([route('/', 12, []), route('/about', 30, [])]));
    const healthy = (await checksOf({ smokeRecorded: true, checks: ['smoke', 'security-headers'] })).checks;
    expect(healthy.map((c: CheckResult) => [c.status, c.score, c.fix])).toEqual([
      ['pass', 100, null],
      ['pass', 100, null],
    ]);
    expect(healthy[0].metric.text).toBe('2 of 2 routes within budget; slowest p95 30 ms (/about, budget 200 ms)');

    // A record of an app that did not serve fails both, with the reason.
    ws.write('dist/ready/apps/web/smoke-record.json', record([], 'the server exited with code 1 before answering'));
    const down = (await checksOf({ smokeRecorded: true, checks: ['smoke', 'security-headers'] })).checks;
    expect(down.map((c: CheckResult) => [c.status, c.metric?.text])).toEqual([
      ['fail', 'the app did not serve: the server exited with code 1 before answering'],
      ['fail', 'the app did not serve: the server exited with code 1 before answering'],
    ]);
  });

  it('does not trust a build record when ready did not run build-record first', async () => {
    seedApp(ws, JSON.stringify({ compilerOptions: { strict: true } }));
    ws.write('apps/web/.next/build-manifest.json', { pages: {}, rootMainFiles: [] }).write('apps/web/.next/BUILD_ID', 'x');
    ws.write('dist/ready/apps/web/build-run.json', { schemaVersion: 1, target: 'build', success: false, exitCode: 1, error: [] });
    await readyExecutor({ minScore: 0, checks: ['build'], audit: false }, context(ws.root));
    const report = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.json'), 'utf8'));
    expect(report.checks[0].status).not.toBe('fail');
    expect(report.failures).toEqual([]);
  });

  it('runs the lint target and fails the lint check with its output when it fails', async () => {
    seedApp(ws, JSON.stringify({ compilerOptions: { strict: true } }));
    await readyExecutor({ minScore: 0, checks: ['lint'] }, context(ws.root, { lint: LINT_FAILS }));
    const report = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.json'), 'utf8'));
    expect(report.checks[0]).toMatchObject({
      id: 'lint',
      status: 'fail',
      fix: 'nx run web:lint',
      details: [{ message: 'a.ts:1 no-unused-vars' }],
    });
  });

  it('fails under minScore, still writing the report that says why', async () => {
    seedApp(ws, JSON.stringify({ compilerOptions: {} }));
    const result = await readyExecutor({ minScore: 80, checks: ['typescript-strict'] }, context(ws.root));
    expect(result.success).toBe(false);
    const report = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/ready.json'), 'utf8'));
    expect(report).toMatchObject({ score: 0, status: 'fail', failures: ['typescript-strict fails', 'score 0 is under the minimum of 80'] });
  });

  it('on a malformed tsconfig: one clear error, failure, and no report written', async () => {
    seedApp(ws, '{ "compilerOptions": { ');
    const errors: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((m) => void errors.push(String(m)));
    try {
      const result = await readyExecutor({ minScore: 80 }, context(ws.root));
      expect(result.success).toBe(false);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('\n')).toMatch(/apps\/web\/tsconfig\.json:1:\d+ is not a valid tsconfig/);
    expect(existsSync(join(ws.root, 'dist/ready'))).toBe(false);
  });

  it('rejects an unknown check id in options', async () => {
    seedApp(ws, JSON.stringify({ compilerOptions: { strict: true } }));
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect((await readyExecutor({ checks: ['nope'] }, context(ws.root))).success).toBe(false);
      expect(spy.mock.calls.flat().join(' ')).toMatch(/Unknown check\(s\) "nope"/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('scoring and reports', () => {
  const result = (id: string, status: CheckResult['status'], score: number, weight: number): CheckResult => ({
    id,
    title: id,
    status,
    score,
    weight,
    metric: null,
    details: [],
    fix: null,
  });

  it('is the weighted mean of checks that ran; skipped checks do not count', () => {
    expect(computeScore([result('a', 'pass', 100, 3), result('b', 'fail', 0, 1), result('c', 'skip', 0, 50)])).toBe(75);
    // Nothing ran: not measured is never a silent 100; nothing applying is nothing missing.
    expect(
      computeScore([
        { ...result('a', 'skip', 0, 1), skipped: 'not measured' },
        { ...result('b', 'skip', 0, 1), skipped: 'does not apply' },
      ]),
    ).toBe(0);
    expect(computeScore([{ ...result('a', 'skip', 0, 1), skipped: 'does not apply' }, result('b', 'skip', 0, 1)])).toBe(100);
  });

  it('renders markdown with one row per check and escaped cells', () => {
    const md = renderMarkdown({
      schemaVersion: 1,
      project: 'web',
      projectRoot: 'apps/web',
      score: 50,
      minScore: 80,
      level: null,
      minLevel: null,
      status: 'fail',
      failures: ['score 50 is under the minimum of 80'],
      verdict: {
        headline: 'not ready: score 50 is under the minimum of 80',
        decidedBy: 'checks',
        baseline: null,
        failing: [],
        worse: [],
        better: [],
      },
      applies: 1,
      nextLevel: { level: 'bronze', needs: ['build'] },
      generatedAt: '2026-01-01T00:00:00.000Z',
      generator: { name: '@plinto/ready', version: '0.0.0' },
      checks: [{ ...result('images', 'fail', 50, 1), metric: { value: 1, unit: 'x', text: 'a | b' }, fix: 'nx g x' }],
    });
    expect(md).toContain('# web: 50/100, level none (bronze needs build)');
    expect(md).toContain('**not ready: score 50 is under the minimum of 80**');
    expect(md).toContain('1 of 1 checks apply.');
    expect(md).toContain('- **score 50 is under the minimum of 80**');
    expect(md).toContain('| images (`images`) | FAIL | 50 | 1 | a \\| b | `nx g x` |');
  });
});
