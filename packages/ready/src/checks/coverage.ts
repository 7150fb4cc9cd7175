import { readGateReport } from '../executors/coverage-gate/executor';
import { COVERAGE_METRICS } from '../executors/coverage-gate/lib/types';
import { Check, CheckDetail } from './types';
import { findJestConfig } from '../utils/jest';

/**
 * Reads the project's last coverage-gate result: pass at or above every threshold, warn when only
 * the ratchet holds, fail otherwise. No result yet is a skip that names the command producing it.
 */
export const coverageCheck: Check = {
  id: 'coverage',
  title: 'Test coverage',
  defaultWeight: 20,
  run(context) {
    const gateCommand = `nx run ${context.projectName}:coverage-gate`;
    if (!findJestConfig(context.workspaceRoot, context.projectRoot)) {
      return {
        status: 'skip',
        score: 0,
        metric: null,
        details: [{ message: 'No jest config in the project: no tests to measure.' }],
        fix: `nx g @nx/jest:configuration --project=${context.projectName}`,
      };
    }
    const report = readGateReport(context.workspaceRoot, context.resultsDir);
    if (!report) {
      return {
        status: 'skip',
        score: 0,
        metric: null,
        details: [{ message: `No coverage result yet (${context.resultsDir}/coverage-gate.json).` }],
        fix: gateCommand,
      };
    }
    const details: CheckDetail[] = COVERAGE_METRICS.filter((m) => report.metrics[m].verdict !== 'pass').map((m) => ({
      message: `${m}: ${report.metrics[m].note}`,
    }));
    if (report.changedLines?.verdict === 'fail') {
      details.push({ message: `changed lines: ${report.changedLines.pct} % covered, under ${report.changedLines.threshold} %` });
      details.push(...report.changedLines.uncovered.slice(0, 20).map((u) => ({ file: u.file, line: u.line, message: `changed line ${u.reason}` })));
    }
    for (const f of report.perFile) details.push({ file: f.file, message: `${f.metric} ${f.pct} % under ${f.threshold} % (per file)` });
    if (report.status !== 'pass') {
      details.push(...report.leastCovered.map((f) => ({ file: f.file, message: `least covered: ${f.lines} % of lines` })));
    }
    // Each metric's share of its threshold, averaged; a threshold met counts in full.
    const shares = COVERAGE_METRICS.map((m) => {
      const r = report.metrics[m];
      if (r.verdict === 'pass' || r.threshold === null) return 1;
      return r.threshold > 0 ? Math.min(1, r.pct / r.threshold) : 0;
    });
    const lines = report.metrics.lines;
    const leastCovered = report.leastCovered.map((f) => f.file).slice(0, 3);
    return {
      status: report.status,
      score: Math.round((100 * shares.reduce((a, b) => a + b, 0)) / shares.length),
      metric: { value: lines.pct, unit: '% lines', text: `coverage ${lines.pct} % (lines)` },
      details,
      fix:
        report.status === 'pass'
          ? null
          : `add tests${leastCovered.length > 0 ? ` for ${leastCovered.join(', ')}` : ''}, then ${gateCommand}`,
    };
  },
};
