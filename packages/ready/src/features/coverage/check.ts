import { assessCoverage } from './assess';
import { failingTestsMessage, readTestsRecord } from './tests-record';
import { COVERAGE_METRICS, CoverageGateReport, CoverageMetric } from './types';
import { DEFAULTS, targetNames } from '../../core/contracts/defaults';
import { findTestRunner, hasCodeToTest } from '../../core/workspace/project-facts';
import { defineCheck, CheckDetail, CheckMetric, checkTree, skip, runCommand } from '../../core/contracts/check';

/** Each metric against its threshold, and the coverage map the workspace summary merges. */
export interface CoverageData {
  metrics: Record<CoverageMetric, { pct: number; threshold: number | null; baseline: number | null }>;
  /** Workspace-relative coverage-final.json of the run. */
  coverageFinal: string;
}

/**
 * Coverage of the project's last test run (coverage-report, which ready depends on), judged like
 * coverage-gate judges it: pass at or above the thresholds, warn when only the ratchet holds, fail
 * otherwise. No run yet is a skip that names the command producing it.
 */
export const coverageCheck = defineCheck<CoverageData>({ id: 'coverage', title: 'Test coverage', defaultWeight: 20 }, (context) => {
    const reportTarget = targetNames(context.options?.targetNames).coverageReport;
    const tests = readTestsRecord(context.workspaceRoot, context.resultsDir);
    // A recorded run counts wherever the tests live (a root jest `projects` config runs them too).
    if (!tests && !findTestRunner(checkTree(context), context.projectRoot)) {
      if (!hasCodeToTest(checkTree(context), context.projectRoot)) {
        return skip(`No code to cover in ${context.projectRoot} (configuration and assets only): coverage does not apply.`);
      }
      return skip(
        'No jest or Vitest config in the project: no tests to measure.',
        `add a jest.config.* or vitest.config.* to ${context.projectRoot} (ready then runs its tests with coverage)`,
      );
    }
    if (!tests) {
      return skip(`No coverage recorded yet (${context.resultsDir}/tests.json).`, `nx run ${context.projectName}:${reportTarget}`);
    }
    if (tests.coverageError) return skip(`Not measured: ${tests.coverageError.message}`, tests.coverageError.fix);
    if (tests.error) {
      return skip(`Not measured: ${failingTestsMessage(tests)}`, `nx run ${context.projectName}:${reportTarget}`);
    }
    if (!tests.passed) {
      return {
        status: 'fail',
        score: 0,
        metric: null,
        details: [{ message: failingTestsMessage(tests) }],
        fix: `fix the failing tests (${runCommand(context, targetNames(context.options?.targetNames).test) ?? `nx run ${context.projectName}:${reportTarget}`} lists them)`,
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
    const leastCovered = report.leastCovered.map((f) => `${f.file} (${f.lines} % of lines)`).slice(0, 3);
    const tolerance = c.tolerance ?? DEFAULTS.coverageTolerance;
    return {
      status: report.status,
      score: Math.round((100 * shares.reduce((a, b) => a + b, 0)) / shares.length),
      metric: decidingMetric(report),
      details,
      // ready reruns the tests itself (it depends on coverage-report): the step is the tests to write.
      fix:
        report.status === 'pass'
          ? null
          : report.changedLines?.verdict === 'fail' && COVERAGE_METRICS.every((m) => report.metrics[m].verdict === 'pass')
            ? `add tests that run the changed lines listed above (${report.changedLines.uncovered.length} uncovered)`
            : leastCovered.length > 0
              ? `add tests for ${leastCovered.join(', ')}`
              : `add tests for the code of ${context.projectRoot} they leave uncovered (${tests.coverageDir}/coverage-final.json lists it)`,
      ratchet: Object.fromEntries(COVERAGE_METRICS.map((m) => [m, { value: report.metrics[m].pct, better: 'higher' as const, tolerance }])),
      data: {
        metrics: Object.fromEntries(
          COVERAGE_METRICS.map((m) => [
            m,
            { pct: report.metrics[m].pct, threshold: report.metrics[m].threshold, baseline: report.metrics[m].baseline },
          ]),
        ) as CoverageData['metrics'],
        coverageFinal: report.coverageFinal,
      },
    };
});

/**
 * The figure that decided the status: the metric furthest under its threshold when one fails (or is
 * held only by the ratchet), the changed lines when only they fail, else the lowest metric.
 */
export function decidingMetric(report: Pick<CoverageGateReport, 'metrics' | 'changedLines'>): CheckMetric {
  const share = (m: (typeof COVERAGE_METRICS)[number]) => {
    const r = report.metrics[m];
    return r.threshold && r.threshold > 0 ? r.pct / r.threshold : r.pct / 100;
  };
  const short = COVERAGE_METRICS.filter((m) => report.metrics[m].verdict !== 'pass').sort((a, b) => share(a) - share(b));
  if (short.length === 0 && report.changedLines?.verdict === 'fail') {
    const cl = report.changedLines;
    return { value: cl.pct, unit: '% changed lines', text: `changed lines ${cl.pct} % covered (threshold ${cl.threshold} %)` };
  }
  // All met: the one closest to its threshold (the first to fail if coverage drops).
  const margin = (m: (typeof COVERAGE_METRICS)[number]) => report.metrics[m].pct - (report.metrics[m].threshold ?? 0);
  const m = short[0] ?? [...COVERAGE_METRICS].sort((a, b) => margin(a) - margin(b))[0];
  const r = report.metrics[m];
  return {
    value: r.pct,
    unit: `% ${m}`,
    text: `coverage ${r.pct} % (${m}${r.threshold !== null && r.verdict !== 'pass' ? `, threshold ${r.threshold} %` : ''})`,
  };
}
