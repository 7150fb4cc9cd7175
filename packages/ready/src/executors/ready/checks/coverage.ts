import { assessCoverage } from '../../../features/coverage/assess';
import { readTestsRecord } from '../../../features/coverage/tests-record';
import { COVERAGE_METRICS } from '../../../features/coverage/types';
import { targetNames } from '../../../core/defaults';
import { diskTree } from '../../../core/files';
import { findTestRunner } from '../../../core/project-facts';
import { Check, CheckDetail } from '../../../core/check';

/**
 * Coverage of the project's last test run (coverage-report, which ready depends on), judged like
 * coverage-gate judges it: pass at or above the thresholds, warn when only the ratchet holds, fail
 * otherwise. No run yet is a skip that names the command producing it.
 */
export const coverageCheck: Check = {
  id: 'coverage',
  title: 'Test coverage',
  defaultWeight: 20,
  run(context) {
    const reportTarget = targetNames(context.options?.targetNames).coverageReport;
    const tests = readTestsRecord(context.workspaceRoot, context.resultsDir);
    // A recorded run counts wherever the tests live (a root jest `projects` config runs them too).
    if (!tests && !findTestRunner(diskTree(context.workspaceRoot), context.projectRoot)) {
      return {
        status: 'skip',
        score: 0,
        metric: null,
        details: [{ message: 'No jest or Vitest config in the project: no tests to measure.' }],
        fix: `add a jest.config.* or vitest.config.* to ${context.projectRoot}, then nx run ${context.projectName}:${reportTarget}`,
      };
    }
    if (!tests) {
      return {
        status: 'skip',
        score: 0,
        metric: null,
        details: [{ message: `No coverage recorded yet (${context.resultsDir}/tests.json).` }],
        fix: `nx run ${context.projectName}:${reportTarget}`,
      };
    }
    if (!tests.passed) {
      return {
        status: 'fail',
        score: 0,
        metric: null,
        details: [{ message: `${tests.failed} of ${tests.total} tests failed: coverage is only judged on a passing run` }],
        fix: `fix the failing tests, then nx run ${context.projectName}:${reportTarget}`,
      };
    }
    const c = context.options?.coverage ?? {};
    const report = assessCoverage({
      workspaceRoot: context.workspaceRoot,
      projectName: context.projectName,
      projectRoot: context.projectRoot,
      coverageDir: tests.coverageDir,
      thresholds: { lines: c.lines, statements: c.statements, functions: c.functions, branches: c.branches },
      tolerance: c.tolerance,
      base: c.base ?? process.env.NX_BASE,
      changedLines: c.changedLines,
    });
    const details: CheckDetail[] = COVERAGE_METRICS.filter((m) => report.metrics[m].verdict !== 'pass').map((m) => ({
      message: `${m}: ${report.metrics[m].note}`,
    }));
    if (report.changedLines?.verdict === 'fail') {
      details.push({ message: `changed lines: ${report.changedLines.pct} % covered, under ${report.changedLines.threshold} %` });
      details.push(
        ...report.changedLines.uncovered.slice(0, 20).map((u) => ({ file: u.file, line: u.line, message: `changed line ${u.reason}` })),
      );
    }
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
          : `add tests${leastCovered.length > 0 ? ` for ${leastCovered.join(', ')}` : ''}, then nx run ${context.projectName}:${reportTarget}`,
      data: {
        metrics: Object.fromEntries(
          COVERAGE_METRICS.map((m) => [
            m,
            { pct: report.metrics[m].pct, threshold: report.metrics[m].threshold, baseline: report.metrics[m].baseline },
          ]),
        ),
        coverageFinal: report.coverageFinal,
      },
    };
  },
};
