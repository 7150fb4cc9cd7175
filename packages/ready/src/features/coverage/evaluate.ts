import { CoverageMap, CoverageSummary } from 'istanbul-lib-coverage';
import { relative } from 'node:path';
import {
  Baseline,
  COVERAGE_METRICS,
  ChangedLinesResult,
  CoverageGateReport,
  CoverageMetric,
  MetricResult,
  Thresholds,
} from './types';

export interface EvaluateOptions {
  workspaceRoot: string;
  thresholds: Thresholds;
  perFile?: Thresholds;
  baseline: Baseline | null;
  /** How far (in points) a metric may drop under its baseline before the ratchet fails. */
  tolerance: number;
}

function metricOf(summary: CoverageSummary, metric: CoverageMetric) {
  const m = summary[metric];
  // istanbul reports 'Unknown' (a string) for 0 of 0; nothing to cover is fully covered.
  const pct = typeof m.pct === 'number' ? m.pct : 100;
  return { pct, covered: m.covered, total: m.total };
}

/** Does a figure meet a jest-style threshold (percentage, or negative = max uncovered)? */
export function meetsThreshold(threshold: number, pct: number, covered: number, total: number): boolean {
  return threshold < 0 ? total - covered <= -threshold : pct >= threshold;
}

function describe(threshold: number): string {
  return threshold < 0 ? `at most ${-threshold} uncovered` : `${threshold} %`;
}

export function evaluateMetrics(summary: CoverageSummary, options: EvaluateOptions): Record<CoverageMetric, MetricResult> {
  const out = {} as Record<CoverageMetric, MetricResult>;
  for (const metric of COVERAGE_METRICS) {
    const { pct, covered, total } = metricOf(summary, metric);
    const threshold = options.thresholds[metric] ?? null;
    const baseline = options.baseline?.[metric] ?? null;
    const meets = threshold === null || meetsThreshold(threshold, pct, covered, total);
    const holdsBaseline = baseline !== null && pct >= baseline - options.tolerance;
    let verdict: MetricResult['verdict'];
    let note: string;
    if (baseline !== null && !holdsBaseline) {
      verdict = 'fail';
      note = `dropped ${round(baseline - pct)} points under the baseline of ${baseline} % (tolerance ${options.tolerance})`;
    } else if (meets) {
      verdict = 'pass';
      note = threshold === null ? 'no threshold' : `meets ${describe(threshold)}`;
    } else if (holdsBaseline) {
      verdict = 'ratchet';
      note = `under ${describe(threshold!)} by ${threshold! < 0 ? `${total - covered + threshold!} uncovered` : `${round(threshold! - pct)} points`}, held by the baseline of ${baseline} %`;
    } else {
      verdict = 'fail';
      note =
        threshold! < 0
          ? `${total - covered} uncovered, more than the ${-threshold!} allowed`
          : `${round(pct)} % is ${round(threshold! - pct)} points under ${threshold} %`;
    }
    out[metric] = { pct: round(pct), covered, total, threshold, baseline, verdict, note };
  }
  return out;
}

export function evaluatePerFile(map: CoverageMap, perFile: Thresholds | undefined, workspaceRoot: string): CoverageGateReport['perFile'] {
  if (!perFile) return [];
  const failures: CoverageGateReport['perFile'] = [];
  for (const file of map.files().sort()) {
    const summary = map.fileCoverageFor(file).toSummary();
    for (const metric of COVERAGE_METRICS) {
      const threshold = perFile[metric];
      if (threshold === undefined) continue;
      const { pct, covered, total } = metricOf(summary, metric);
      if (!meetsThreshold(threshold, pct, covered, total)) {
        failures.push({ file: relative(workspaceRoot, file), metric, pct: round(pct), threshold });
      }
    }
  }
  return failures;
}

export function leastCovered(map: CoverageMap, workspaceRoot: string, count = 5): CoverageGateReport['leastCovered'] {
  return map
    .files()
    .map((file) => ({ file: relative(workspaceRoot, file), lines: round(metricOf(map.fileCoverageFor(file).toSummary(), 'lines').pct) }))
    .filter((f) => f.lines < 100)
    .sort((a, b) => a.lines - b.lines || a.file.localeCompare(b.file))
    .slice(0, count);
}

export function overallStatus(
  metrics: Record<CoverageMetric, MetricResult>,
  changed: ChangedLinesResult | null,
  perFile: CoverageGateReport['perFile'],
): CoverageGateReport['status'] {
  const verdicts = COVERAGE_METRICS.map((m) => metrics[m].verdict);
  if (verdicts.includes('fail') || changed?.verdict === 'fail' || perFile.length > 0) return 'fail';
  return verdicts.includes('ratchet') ? 'warn' : 'pass';
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
