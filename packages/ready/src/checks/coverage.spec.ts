import { TempWorkspace } from '../testing/temp-workspace';
import { coverageCheck } from './coverage';
import { CheckContext, CheckOutcome } from './types';
import { CoverageGateReport, MetricResult } from '../executors/coverage-gate/lib/types';

const ctx = (root: string): CheckContext => ({ workspaceRoot: root, projectName: 'web', projectRoot: 'apps/web', resultsDir: 'dist/ready/apps/web' });
const metric = (pct: number, verdict: MetricResult['verdict'], note = ''): MetricResult => ({
  pct,
  covered: pct,
  total: 100,
  threshold: 80,
  baseline: null,
  verdict,
  note,
});

function gate(status: CoverageGateReport['status'], lines: MetricResult): CoverageGateReport {
  const pass = metric(90, 'pass');
  return {
    schemaVersion: 1,
    project: 'web',
    projectRoot: 'apps/web',
    status,
    generatedAt: '2026-01-01T00:00:00.000Z',
    metrics: { lines, statements: pass, functions: pass, branches: pass },
    changedLines: null,
    perFile: [],
    leastCovered: [{ file: 'apps/web/app/page.tsx', lines: 10 }],
    coverageFinal: 'coverage/apps/web/coverage-final.json',
    baselineFile: null,
  };
}

describe('coverage check', () => {
  let ws: TempWorkspace;
  const run = () => coverageCheck.run(ctx(ws.root)) as CheckOutcome;
  beforeEach(() => {
    ws = new TempWorkspace();
    ws.write('apps/web/jest.config.ts', 'export default {};');
  });
  afterEach(() => ws.cleanup());

  it('skips, naming the command that produces the result, when the gate has not run', () => {
    expect(run()).toMatchObject({ status: 'skip', fix: 'nx run web:coverage-gate' });
  });

  it('skips a project without jest', () => {
    const bare = new TempWorkspace();
    try {
      expect(coverageCheck.run(ctx(bare.root))).toMatchObject({ status: 'skip', fix: 'nx g @nx/jest:configuration --project=web' });
    } finally {
      bare.cleanup();
    }
  });

  it('passes at or above every threshold', () => {
    ws.write('dist/ready/apps/web/coverage-gate.json', gate('pass', metric(85, 'pass')));
    expect(run()).toMatchObject({ status: 'pass', score: 100, fix: null, metric: { value: 85, text: 'coverage 85 % (lines)' } });
  });

  it('warns when only the ratchet holds, and fails otherwise, naming the least covered files', () => {
    ws.write('dist/ready/apps/web/coverage-gate.json', gate('warn', metric(40, 'ratchet', 'held')));
    expect(run()).toMatchObject({ status: 'warn', score: 88, fix: 'add tests for apps/web/app/page.tsx, then nx run web:coverage-gate' });
    ws.write('dist/ready/apps/web/coverage-gate.json', gate('fail', metric(22, 'fail', '22 % is 58 points under 80 %')));
    const failed = run();
    expect(failed).toMatchObject({ status: 'fail', metric: { value: 22 } });
    expect(failed.details).toContainEqual({ message: 'lines: 22 % is 58 points under 80 %' });
    expect(failed.details).toContainEqual({ file: 'apps/web/app/page.tsx', message: 'least covered: 10 % of lines' });
  });

  it('names a corrupt result file', () => {
    ws.write('dist/ready/apps/web/coverage-gate.json', '{');
    expect(() => run()).toThrow('dist/ready/apps/web/coverage-gate.json is not valid JSON: run the coverage-gate target again to rewrite it.');
  });
});
