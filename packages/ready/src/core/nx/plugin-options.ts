import { DEFAULTS, DEFAULT_TARGET_NAMES } from '../contracts/defaults';

/** Options of the `@plinto/ready` entry in nx.json `plugins`, and their defaults. */
export interface CoverageThresholds {
  lines: number;
  statements: number;
  functions: number;
  branches: number;
  /** Share of changed executable lines that tests must cover. */
  changedLines: number;
}

export interface ReadyPluginOptions {
  readyTargetName?: string;
  coverageGateTargetName?: string;
  /** Runs the tests with coverage once, for coverage-gate and ready alike. */
  coverageReportTargetName?: string;
  buildProductionTargetName?: string;
  /** Records the package manager's audit beside the build, for build-production and ready. */
  securityAuditTargetName?: string;
  /** Boots the built app, requests and loads every route, checks latency, errors and security headers. */
  smokeTargetName?: string;
  /** The smoke run ready depends on (readyRunsSmoke): the build folder served, recorded, never failing. */
  smokeRecordTargetName?: string;
  /** Runs the build and records whether it passed, so ready reports a failing build. */
  buildRecordTargetName?: string;
  /** The project's own build target, which build-production depends on. */
  buildTargetName?: string;
  /** The project's test target, which coverage-gate runs with coverage. */
  testTargetName?: string;
  minScore?: number;
  /** bronze, silver or gold: ready fails under it. */
  minLevel?: string;
  /** Checks each level requires (replaces the defaults for the levels given). */
  levels?: Record<string, string[]>;
  coverage?: Partial<CoverageThresholds>;
  budgets?: { firstLoadJsKb?: number };
  weights?: Record<string, number>;
  /** ready depends on the test run with coverage (true) so its coverage and tests checks are fresh. */
  readyRunsTests?: boolean;
  /** ready depends on the production build (true) so its bundle-size and build checks are fresh. */
  readyRunsBuild?: boolean;
  /**
   * ready depends on a recorded smoke run (false): its smoke and security-headers checks read it.
   * Off by default: it boots every app the run selects and puts its routes under load.
   */
  readyRunsSmoke?: boolean;
}

export interface NormalizedPluginOptions {
  readyTargetName: string;
  coverageGateTargetName: string;
  coverageReportTargetName: string;
  buildProductionTargetName: string;
  securityAuditTargetName: string;
  smokeTargetName: string;
  smokeRecordTargetName: string;
  buildRecordTargetName: string;
  buildTargetName: string;
  testTargetName: string;
  minScore: number;
  minLevel: string | null;
  levels: Record<string, string[]> | null;
  coverage: CoverageThresholds;
  budgets: { firstLoadJsKb: number };
  weights: Record<string, number>;
  readyRunsTests: boolean;
  readyRunsBuild: boolean;
  readyRunsSmoke: boolean;
}

const T = DEFAULT_TARGET_NAMES;

export const DEFAULT_PLUGIN_OPTIONS: NormalizedPluginOptions = {
  readyTargetName: T.ready,
  coverageGateTargetName: T.coverageGate,
  coverageReportTargetName: T.coverageReport,
  buildProductionTargetName: T.buildProduction,
  securityAuditTargetName: T.securityAudit,
  smokeTargetName: T.smoke,
  smokeRecordTargetName: T.smokeRecord,
  buildRecordTargetName: T.buildRecord,
  buildTargetName: T.build,
  testTargetName: T.test,
  minScore: DEFAULTS.minScore,
  minLevel: null,
  levels: null,
  coverage: { ...DEFAULTS.coverage, changedLines: DEFAULTS.changedLines },
  budgets: { firstLoadJsKb: DEFAULTS.firstLoadJsKb },
  weights: {},
  readyRunsTests: true,
  readyRunsBuild: true,
  readyRunsSmoke: false,
};

export function normalizePluginOptions(options: ReadyPluginOptions | undefined): NormalizedPluginOptions {
  const o = options ?? {};
  const d = DEFAULT_PLUGIN_OPTIONS;
  return {
    readyTargetName: o.readyTargetName ?? d.readyTargetName,
    coverageGateTargetName: o.coverageGateTargetName ?? d.coverageGateTargetName,
    coverageReportTargetName: o.coverageReportTargetName ?? d.coverageReportTargetName,
    buildProductionTargetName: o.buildProductionTargetName ?? d.buildProductionTargetName,
    securityAuditTargetName: o.securityAuditTargetName ?? d.securityAuditTargetName,
    smokeTargetName: o.smokeTargetName ?? d.smokeTargetName,
    smokeRecordTargetName: o.smokeRecordTargetName ?? d.smokeRecordTargetName,
    buildRecordTargetName: o.buildRecordTargetName ?? d.buildRecordTargetName,
    buildTargetName: o.buildTargetName ?? d.buildTargetName,
    testTargetName: o.testTargetName ?? d.testTargetName,
    minScore: o.minScore ?? d.minScore,
    minLevel: o.minLevel ?? d.minLevel,
    levels: o.levels ?? d.levels,
    coverage: { ...d.coverage, ...o.coverage },
    budgets: { ...d.budgets, ...o.budgets },
    weights: { ...d.weights, ...o.weights },
    readyRunsTests: o.readyRunsTests ?? d.readyRunsTests,
    readyRunsBuild: o.readyRunsBuild ?? d.readyRunsBuild,
    readyRunsSmoke: o.readyRunsSmoke ?? d.readyRunsSmoke,
  };
}

/** What `init` writes into nx.json: every default spelled out, so users see what they can tune. */
export function defaultPluginEntryOptions(): ReadyPluginOptions {
  const d = DEFAULT_PLUGIN_OPTIONS;
  return {
    readyTargetName: d.readyTargetName,
    coverageGateTargetName: d.coverageGateTargetName,
    buildProductionTargetName: d.buildProductionTargetName,
    minScore: d.minScore,
    coverage: { ...d.coverage },
    budgets: { ...d.budgets },
  };
}

/**
 * The plugin's executor a target runs ("ready", "smoke"…): its own `executor` when it names one of
 * ours, else the inferred one its name stands for under these options; null for anyone else's.
 */
export function pluginExecutorOf(name: string, target: { executor?: unknown }, options: NormalizedPluginOptions): string | null {
  if (typeof target.executor === 'string')
    return target.executor.startsWith('@plinto/ready:') ? target.executor.slice('@plinto/ready:'.length) : null;
  const inferred: Record<string, string> = {
    [options.readyTargetName]: 'ready',
    [options.coverageGateTargetName]: 'coverage-gate',
    [options.coverageReportTargetName]: 'coverage-report',
    [options.buildProductionTargetName]: 'build-production',
    [options.securityAuditTargetName]: 'security-audit',
    [options.smokeTargetName]: 'smoke',
    [options.smokeRecordTargetName]: 'smoke',
    [options.buildRecordTargetName]: 'build-record',
  };
  return inferred[name] ?? null;
}
