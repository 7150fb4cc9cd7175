import { Check, CheckOutcome } from '../../core/contracts/check';
import { headlineText, renderMarkdown, renderTable } from './render';
import { ReadyBaseline, baselineOf, compareToBaseline } from './baseline';
import { measureChecks, judgeReady, runReady } from './run-checks';

/** Checks with fixed outcomes: the gate is under test here, not measuring. */
const fixed = (id: string, outcome: Partial<CheckOutcome> = {}): Check => ({
  id,
  title: id,
  defaultWeight: 10,
  run: () => ({ status: 'pass', score: 100, metric: null, details: [], fix: null, ...outcome }),
});
const ctx = { workspaceRoot: '/nowhere', projectName: '@ws/web', projectRoot: 'apps/web', resultsDir: 'dist/ready/apps/web' };
const JAN = () => new Date('2027-01-15T12:00:00Z');
const coverage = (lines: number, status: CheckOutcome['status'] = 'fail'): Check =>
  fixed('coverage', { status, score: 60, fix: 'add tests', ratchet: { lines: { value: lines, better: 'higher', tolerance: 0.1 } } });
const strict = (suppressions: number): Check =>
  fixed('typescript-strict', {
    status: suppressions > 0 ? 'warn' : 'pass',
    score: 100 - suppressions,
    ratchet: { 'flags off': { value: 0, better: 'lower' }, suppressions: { value: suppressions, better: 'lower' } },
  });
const baselineFrom = async (checks: Check[]): Promise<{ file: string; content: ReadyBaseline }> => ({
  file: 'apps/web/ready-baseline.json',
  content: baselineOf('@ws/web', await measureChecks(ctx, {}, checks)),
});

describe('the readiness gate', () => {
  it('without a baseline, any failing check fails it, named in the headline, even over minScore', async () => {
    const checks = [fixed('build'), coverage(60), fixed('scripts', { status: 'fail', score: 66, fix: 'x' }), fixed('lint')];
    const r = await runReady(ctx, { minScore: 0, now: JAN }, checks);
    expect(r.status).toBe('fail');
    expect(r.verdict).toMatchObject({
      decidedBy: 'checks',
      headline: 'not ready: coverage and scripts fail',
      failing: ['coverage', 'scripts'],
    });
    expect(headlineText(r)).toBe(
      `@ws/web: ${r.score}/100, level bronze (silver needs coverage), 4 of 4 checks apply — not ready: coverage and scripts fail`,
    );
  });

  it('says how many checks apply: a skip without a fix does not apply, a skip that names a step does', async () => {
    const checks = [
      fixed('tests'),
      fixed('images', { status: 'skip', score: 0 }),
      fixed('env', { status: 'skip', score: 0 }),
      fixed('coverage', { status: 'skip', score: 0, fix: 'nx run @ws/ui:coverage-report' }),
    ];
    const r = await runReady(ctx, { minScore: 80, now: JAN }, checks);
    expect(r).toMatchObject({ applies: 2, status: 'pass', verdict: { headline: 'ready' } });
    // The skip that names a step applies, and is counted apart: it could not be measured.
    expect(headlineText(r)).toContain('2 of 4 checks apply (1 not measured) — ready');
    expect(r.checks.map((c) => c.skipped)).toEqual([undefined, 'does not apply', 'does not apply', 'not measured']);
  });

  it('with a baseline, holds a project that is no worse, and says so in words', async () => {
    const today = [fixed('build'), coverage(60), fixed('scripts', { status: 'fail', score: 66, fix: 'x' })];
    const r = await runReady(ctx, { minScore: 80, baseline: await baselineFrom(today), now: JAN }, today);
    expect(r.status).toBe('pass');
    expect(r.verdict).toMatchObject({
      decidedBy: 'baseline',
      baseline: 'apps/web/ready-baseline.json',
      headline: 'held by baseline: 2 check(s) still fail (coverage and scripts), none worse',
    });
  });

  it('with a baseline, fails on a check that passed and now fails, naming it', async () => {
    const baseline = await baselineFrom([fixed('build'), coverage(60), fixed('lint')]);
    const r = await runReady(ctx, { minScore: 0, baseline, now: JAN }, [
      fixed('build'),
      coverage(60),
      fixed('lint', { status: 'fail', score: 0 }),
    ]);
    expect(r.status).toBe('fail');
    expect(r.verdict.worse).toEqual(['lint fails (baseline: pass)']);
    expect(r.verdict.headline).toBe('not ready: worse than the baseline: lint fails (baseline: pass)');
  });

  it('with a baseline, fails on a figure that moved the wrong way past its tolerance, not within it', async () => {
    const baseline = await baselineFrom([coverage(60)]);
    expect((await runReady(ctx, { minScore: 0, baseline, now: JAN }, [coverage(59.95)])).status).toBe('pass');
    const worse = await runReady(ctx, { minScore: 0, baseline, now: JAN }, [coverage(55)]);
    expect(worse.status).toBe('fail');
    expect(worse.verdict.worse).toEqual(['coverage lines 55 (baseline: 60)']);
    const better = await runReady(ctx, { minScore: 0, baseline, now: JAN }, [coverage(70)]);
    expect(better.status).toBe('pass');
    expect(better.verdict.headline).toContain(
      'better than the baseline: coverage lines 70 (baseline: 60); lock it in with --updateBaseline',
    );
  });

  it('with a baseline, a new suppression is worse even when the status stays warn', async () => {
    const baseline = await baselineFrom([strict(2)]);
    const r = await runReady(ctx, { minScore: 0, baseline, now: JAN }, [strict(3)]);
    expect(r.verdict.worse).toEqual(['typescript-strict suppressions 3 (baseline: 2)']);
    expect(r.status).toBe('fail');
  });

  it('with a baseline, a failing check the baseline does not know is worse; a waiver still covers a check', async () => {
    const baseline = await baselineFrom([fixed('build')]);
    const checks = [fixed('build'), fixed('bundle-size', { status: 'fail', score: 0, fix: 'split' })];
    expect((await runReady(ctx, { minScore: 0, baseline, now: JAN }, checks)).verdict.worse).toEqual([
      'bundle-size fails and is not in the baseline',
    ]);
    const waived = await runReady(
      ctx,
      { minScore: 0, baseline, now: JAN, waivers: [{ check: 'bundle-size', reason: 'charts in PLAT-12', expires: '2027-02-01' }] },
      checks,
    );
    expect(waived.status).toBe('pass');
  });

  it('a project-failing check (a build that does not build) fails it without a baseline, or under a baseline where it passed', async () => {
    const broken = fixed('build', { status: 'fail', score: 0, failsProject: 'the build fails (nx run web:build exited with 1)' });
    const none = await runReady(ctx, { minScore: 0, baseline: null, now: JAN }, [broken]);
    expect(none.failures).toEqual(['the build fails (nx run web:build exited with 1)']);
    const passed = await runReady(ctx, { minScore: 0, baseline: await baselineFrom([fixed('build')]), now: JAN }, [broken]);
    expect(passed.status).toBe('fail');
    expect(passed.failures).toContain('the build fails (nx run web:build exited with 1)');
  });

  it('a baseline that recorded the project-failing check holds it: the unchanged repo is green on day one', async () => {
    const broken = fixed('build', { status: 'fail', score: 0, failsProject: 'the build fails (nx run web:build exited with 1)' });
    const r = await runReady(ctx, { minScore: 0, baseline: await baselineFrom([broken]), now: JAN }, [broken]);
    expect(r.status).toBe('pass');
    expect(r.verdict.headline).toBe('held by baseline: 1 check(s) still fail (build), none worse');
  });

  it('shows baseline → now for every check in ready.md and the terminal table', async () => {
    const r = await runReady(ctx, { minScore: 0, baseline: await baselineFrom([coverage(80, 'pass'), fixed('build')]), now: JAN }, [
      coverage(60),
      fixed('build'),
      fixed('lint'),
    ]);
    expect(r.checks.map((c) => [c.id, c.baseline])).toEqual([
      ['coverage', 'pass'],
      ['build', 'pass'],
      ['lint', 'new'],
    ]);
    expect(renderMarkdown(r)).toContain('| check | baseline → now |');
    expect(renderMarkdown(r)).toContain('| coverage (`coverage`) | PASS → FAIL |');
    expect(renderTable(r)).toMatch(/^lint +NEW → PASS/m);
  });

  it('holds failing items one by one: a suite that failed to load before is held, a new one is worse', async () => {
    const suites = (...files: string[]) =>
      fixed('tests', { status: 'fail', score: 0, failsProject: `${files.length} test suite(s) fail to load`, items: files });
    const baseline = await baselineFrom([suites('apps/web/e2e/live.spec.ts')]);
    expect(baseline.content.checks.tests).toEqual({ status: 'fail', items: ['apps/web/e2e/live.spec.ts'] });
    expect((await runReady(ctx, { minScore: 0, baseline, now: JAN }, [suites('apps/web/e2e/live.spec.ts')])).status).toBe('pass');
    const worse = await runReady(ctx, { minScore: 0, baseline, now: JAN }, [
      suites('apps/web/e2e/live.spec.ts', 'apps/web/app/new.spec.ts'),
    ]);
    expect(worse.status).toBe('fail');
    expect(worse.failures).toEqual([
      '2 test suite(s) fail to load',
      'worse than the baseline: tests: apps/web/app/new.spec.ts fails and is not in the baseline',
    ]);
  });

  it('a new failing test beside a held suite that fails to load is worse; the tests that failed before are held', async () => {
    const tests = (failed: string[]) =>
      fixed('tests', {
        status: 'fail',
        score: 0,
        failsProject: '1 test suite(s) fail to load',
        items: ['apps/web/e2e/live.spec.ts', ...failed],
        ratchet: { 'failing tests': { value: failed.length, better: 'lower' } },
      });
    const baseline = await baselineFrom([tests(['apps/web/a.spec.ts › flaky'])]);
    expect((await runReady(ctx, { minScore: 0, baseline, now: JAN }, [tests(['apps/web/a.spec.ts › flaky'])])).status).toBe('pass');
    const worse = await runReady(ctx, { minScore: 0, baseline, now: JAN }, [
      tests(['apps/web/a.spec.ts › flaky', 'apps/web/b.spec.ts › refund']),
    ]);
    expect(worse.status).toBe('fail');
    expect(worse.failures).toEqual(
      expect.arrayContaining([
        'worse than the baseline: tests: apps/web/b.spec.ts › refund fails and is not in the baseline; tests failing tests 2 (baseline: 1)',
      ]),
    );
  });

  it('a skip measured nothing, now or then: it is never worse', async () => {
    const baseline = await baselineFrom([coverage(80, 'pass')]);
    const results = await measureChecks(ctx, {}, [fixed('coverage', { status: 'skip', score: 0, fix: 'nx run x:coverage-report' })]);
    expect(compareToBaseline(results, baseline.content)).toEqual({ worse: [], better: [] });
    expect(judgeReady(ctx, results, { minScore: 0, baseline, now: JAN }).status).toBe('pass');
  });

  it('a baseline holds statuses and figures, sorted, with no time in it (it is committed)', async () => {
    const results = await measureChecks(ctx, {}, [strict(1), coverage(60)]);
    expect(baselineOf('@ws/web', results)).toEqual({
      schemaVersion: 1,
      project: '@ws/web',
      checks: {
        coverage: { status: 'fail', figures: { lines: 60 } },
        'typescript-strict': { status: 'warn', figures: { 'flags off': 0, suppressions: 1 } },
      },
    });
  });
});
