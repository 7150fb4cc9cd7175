/**
 * Every default of the plugin, in one place: thresholds, budgets, audit level and target names.
 * The plugin options, the inferred targets, the executors and the checks all read them from here.
 */
export const DEFAULT_TARGET_NAMES = {
  ready: 'ready',
  coverageGate: 'coverage-gate',
  coverageReport: 'coverage-report',
  buildProduction: 'build-production',
  securityAudit: 'security-audit',
  smoke: 'smoke',
  smokeRecord: 'smoke-record',
  buildRecord: 'build-record',
  build: 'build',
  test: 'test',
  lint: 'lint',
  typecheck: 'typecheck',
} as const;

export type TargetNames = { -readonly [K in keyof typeof DEFAULT_TARGET_NAMES]: string };

export const DEFAULTS = {
  minScore: 80,
  coverage: { lines: 80, statements: 80, functions: 80, branches: 80 },
  /** Share of changed executable lines that tests must cover. */
  changedLines: 80,
  /** Percentage points a coverage metric may drop under its baseline before the ratchet fails. */
  coverageTolerance: 0.1,
  firstLoadJsKb: 200,
  auditLevel: 'high',
} as const;

/** The target names a run uses: the configured ones over the defaults. */
export function targetNames(configured?: Partial<TargetNames>): TargetNames {
  const names: TargetNames = { ...DEFAULT_TARGET_NAMES };
  for (const [key, value] of Object.entries(configured ?? {})) if (value) names[key as keyof TargetNames] = value;
  return names;
}
