export const COVERAGE_METRICS = ['lines', 'statements', 'functions', 'branches'] as const;
export type CoverageMetric = (typeof COVERAGE_METRICS)[number];

/** A threshold per metric: a percentage, or a negative number meaning "at most N uncovered" (as in jest). */
export type Thresholds = Partial<Record<CoverageMetric, number>>;

export type Baseline = Record<CoverageMetric, number>;

export type MetricVerdict = 'pass' | 'ratchet' | 'fail';

export interface MetricResult {
  pct: number;
  covered: number;
  total: number;
  threshold: number | null;
  baseline: number | null;
  verdict: MetricVerdict;
  /** Why it failed or what holds it, in words. */
  note: string;
}

export interface ChangedLinesResult {
  base: string;
  pct: number;
  covered: number;
  total: number;
  threshold: number;
  verdict: 'pass' | 'fail';
  uncovered: Array<{ file: string; line: number; reason: string }>;
}

/** The content of coverage-gate.json, read by the `coverage` check of `ready`. */
export interface CoverageGateReport {
  schemaVersion: 1;
  project: string;
  projectRoot: string;
  /** pass: every threshold met; warn: only the ratchet holds; fail: otherwise. */
  status: 'pass' | 'warn' | 'fail';
  generatedAt: string;
  metrics: Record<CoverageMetric, MetricResult>;
  changedLines: ChangedLinesResult | null;
  perFile: Array<{ file: string; metric: CoverageMetric; pct: number; threshold: number }>;
  leastCovered: Array<{ file: string; lines: number }>;
  /** Workspace-relative path of the istanbul coverage map, for a workspace-wide merge. */
  coverageFinal: string;
  baselineFile: string | null;
}
