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
  buildProductionTargetName?: string;
  /** The project's own build target, which build-production depends on. */
  buildTargetName?: string;
  /** The project's test target, which coverage-gate runs with coverage. */
  testTargetName?: string;
  minScore?: number;
  coverage?: Partial<CoverageThresholds>;
  budgets?: { firstLoadJsKb?: number };
  weights?: Record<string, number>;
}

export interface NormalizedPluginOptions {
  readyTargetName: string;
  coverageGateTargetName: string;
  buildProductionTargetName: string;
  buildTargetName: string;
  testTargetName: string;
  minScore: number;
  coverage: CoverageThresholds;
  budgets: { firstLoadJsKb: number };
  weights: Record<string, number>;
}

export const DEFAULT_PLUGIN_OPTIONS: NormalizedPluginOptions = {
  readyTargetName: 'ready',
  coverageGateTargetName: 'coverage-gate',
  buildProductionTargetName: 'build-production',
  buildTargetName: 'build',
  testTargetName: 'test',
  minScore: 80,
  coverage: { lines: 80, statements: 80, functions: 80, branches: 80, changedLines: 80 },
  budgets: { firstLoadJsKb: 200 },
  weights: {},
};

export function normalizePluginOptions(options: ReadyPluginOptions | undefined): NormalizedPluginOptions {
  const o = options ?? {};
  const d = DEFAULT_PLUGIN_OPTIONS;
  return {
    readyTargetName: o.readyTargetName ?? d.readyTargetName,
    coverageGateTargetName: o.coverageGateTargetName ?? d.coverageGateTargetName,
    buildProductionTargetName: o.buildProductionTargetName ?? d.buildProductionTargetName,
    buildTargetName: o.buildTargetName ?? d.buildTargetName,
    testTargetName: o.testTargetName ?? d.testTargetName,
    minScore: o.minScore ?? d.minScore,
    coverage: { ...d.coverage, ...o.coverage },
    budgets: { ...d.budgets, ...o.budgets },
    weights: { ...d.weights, ...o.weights },
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
