import { createCoverageMap } from 'istanbul-lib-coverage';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateMetrics, evaluatePerFile, leastCovered, meetsThreshold, overallStatus } from './evaluate';

// Two files: a.ts has 2 of 4 statements, 1 of 2 functions, 1 of 2 branches run; b.ts is fully run.
const map = () => createCoverageMap(JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'coverage-final.json'), 'utf8')));
const summary = () => map().getCoverageSummary();
const base = { workspaceRoot: '/ws', tolerance: 0.1, baseline: null };

describe('coverage evaluation', () => {
  it('reads the fixture as istanbul does', () => {
    const s = summary();
    expect([s.lines.pct, s.statements.pct, s.functions.pct, s.branches.pct]).toEqual([66.66, 66.66, 50, 50]);
  });

  it('passes every metric at or above its threshold', () => {
    const m = evaluateMetrics(summary(), { ...base, thresholds: { lines: 60, statements: 60, functions: 50, branches: 50 } });
    expect(Object.values(m).map((r) => r.verdict)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(overallStatus(m, null, [])).toBe('pass');
  });

  it('fails a metric under its threshold and says by how much', () => {
    const m = evaluateMetrics(summary(), { ...base, thresholds: { lines: 80, statements: 60, functions: 50, branches: 50 } });
    expect(m.lines).toMatchObject({ verdict: 'fail', pct: 66.66, covered: 4, total: 6, note: '66.66 % is 13.34 points under 80 %' });
    expect(overallStatus(m, null, [])).toBe('fail');
  });

  it('takes negative thresholds as "at most N uncovered", as jest does', () => {
    expect(meetsThreshold(-2, 0, 4, 6)).toBe(true);
    expect(meetsThreshold(-1, 0, 4, 6)).toBe(false);
    const m = evaluateMetrics(summary(), { ...base, thresholds: { lines: -1 } });
    expect(m.lines).toMatchObject({ verdict: 'fail', note: '2 uncovered, more than the 1 allowed' });
  });

  it('is held by the ratchet when under threshold but not under the baseline', () => {
    const baseline = { lines: 66.7, statements: 60, functions: 50, branches: 50 };
    const m = evaluateMetrics(summary(), { ...base, baseline, thresholds: { lines: 80, statements: 80, functions: 80, branches: 80 } });
    expect(m.lines.verdict).toBe('ratchet'); // 66.66 >= 66.7 - 0.1
    expect(m.lines.note).toContain('held by the baseline of 66.7 %');
    expect(overallStatus(m, null, [])).toBe('warn');
  });

  it('fails a drop under the baseline beyond the tolerance, even above the threshold', () => {
    const baseline = { lines: 70, statements: 60, functions: 50, branches: 50 };
    const m = evaluateMetrics(summary(), { ...base, baseline, thresholds: { lines: 50 } });
    expect(m.lines).toMatchObject({ verdict: 'fail', note: 'dropped 3.34 points under the baseline of 70 % (tolerance 0.1)' });
  });

  it('applies per-file thresholds and names the least covered files', () => {
    expect(evaluatePerFile(map(), { lines: 60 }, '/ws')).toEqual([{ file: 'apps/web/src/a.ts', metric: 'lines', pct: 50, threshold: 60 }]);
    expect(leastCovered(map(), '/ws')).toEqual([{ file: 'apps/web/src/a.ts', lines: 50 }]);
  });

  it('a failing changed-lines rule or per-file failure fails the gate', () => {
    const m = evaluateMetrics(summary(), { ...base, thresholds: {} });
    const changed = { base: 'HEAD~1', pct: 0, covered: 0, total: 1, threshold: 80, verdict: 'fail' as const, uncovered: [] };
    expect(overallStatus(m, changed, [])).toBe('fail');
    expect(overallStatus(m, null, [{ file: 'a', metric: 'lines', pct: 1, threshold: 2 }])).toBe('fail');
  });
});
