import { Check, CheckOutcome } from '../../core/contracts/check';
import { TempWorkspace } from '../../testing/temp-workspace';
import { runReady } from './run-checks';

/** Checks with fixed outcomes: scoring, levels and waivers are under test here, not measuring. */
const fixed = (id: string, outcome: Partial<CheckOutcome>): Check => ({
  id,
  title: id,
  defaultWeight: 10,
  run: () => ({ status: 'pass', score: 100, metric: null, details: [], fix: null, ...outcome }),
});

const CHECKS = [
  fixed('build', {}),
  fixed('tests', {}),
  fixed('typecheck', {}),
  fixed('lint', {}),
  fixed('coverage', { status: 'warn', score: 70, fix: 'add tests' }),
  fixed('images', { status: 'skip', score: 0, fix: null }), // not applicable
  fixed('typescript-strict', {}),
  fixed('bundle-size', { status: 'fail', score: 0, fix: 'split' }),
];

describe('levels, waivers and gates', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.cleanup());
  const ctx = () => ({ workspaceRoot: ws.root, projectName: 'web', projectRoot: 'apps/web', resultsDir: 'dist/ready/apps/web' });
  const JAN = () => new Date('2027-01-15T12:00:00Z');

  it('a level needs its checks and those below it; a not-applicable skip does not block', async () => {
    const r = await runReady(
      ctx(),
      { minScore: 0, checks: CHECKS.filter((c) => c.id !== 'bundle-size').map((c) => c.id), now: JAN },
      CHECKS,
    );
    expect(r.level).toBe('bronze'); // silver is blocked by coverage (warn)
    expect(r.nextLevel).toEqual({ level: 'silver', needs: ['coverage'] });
    expect(r.status).toBe('pass');
  });

  it('minLevel fails the gate, naming the blocking checks', async () => {
    const r = await runReady(ctx(), { minScore: 0, minLevel: 'gold', now: JAN }, CHECKS);
    expect(r.status).toBe('fail');
    expect(r.failures).toEqual(['bundle-size fails', 'level bronze is under the minimum of gold (blocking: coverage, bundle-size)']);
  });

  it('levels are overridable', async () => {
    const r = await runReady(ctx(), { minScore: 0, levels: { silver: ['lint'], gold: ['typescript-strict'] }, now: JAN }, CHECKS);
    expect(r.level).toBe('gold');
  });

  it('an active waiver keeps a failing check out of the score and the levels, shown with its reason', async () => {
    const waivers = [
      { check: 'bundle-size', reason: 'charts split in PLAT-12', expires: '2027-01-15' },
      { check: 'coverage', reason: 'legacy module', expires: '2027-03-01' },
    ];
    const r = await runReady(ctx(), { minScore: 90, minLevel: 'gold', waivers, now: JAN }, CHECKS);
    expect(r).toMatchObject({ status: 'pass', level: 'gold', score: 100, failures: [] });
    expect(r.checks.find((c) => c.id === 'bundle-size')).toMatchObject({
      status: 'fail',
      waiver: { reason: 'charts split in PLAT-12', expires: '2027-01-15', active: true },
    });
  });

  it('an expired waiver fails the gate on its own', async () => {
    const waivers = [{ check: 'bundle-size', reason: 'charts split in PLAT-12', expires: '2027-01-14' }];
    const r = await runReady(ctx(), { minScore: 0, waivers, now: JAN }, CHECKS);
    expect(r.status).toBe('fail');
    expect(r.failures).toEqual([
      'the waiver for "bundle-size" expired on 2027-01-14 (charts split in PLAT-12): fix the check, or change "expires" of that waiver in the ready target\'s options (project.json or nx.json)',
      'bundle-size fails',
    ]);
    expect(r.checks.find((c) => c.id === 'bundle-size')!.waiver!.active).toBe(false);
  });

  it('bad waivers and levels are clear errors', async () => {
    await expect(
      runReady(ctx(), { minScore: 0, waivers: [{ check: 'nope', reason: 'x', expires: '2027-01-01' }], now: JAN }, CHECKS),
    ).rejects.toThrow(/A waiver names the check "nope", which this ready run does not have/);
    await expect(
      runReady(ctx(), { minScore: 0, waivers: [{ check: 'lint', reason: 'x', expires: 'soon' }], now: JAN }, CHECKS),
    ).rejects.toThrow('The waiver for "lint" expires on "soon", which is not a date: write it as YYYY-MM-DD.');
    await expect(runReady(ctx(), { minScore: 0, minLevel: 'platinum', now: JAN }, CHECKS)).rejects.toThrow(/Unknown minLevel "platinum"/);
    await expect(runReady(ctx(), { minScore: 0, levels: { diamond: [] }, now: JAN }, CHECKS)).rejects.toThrow(/Unknown level "diamond"/);
  });
});
