import { posix } from 'node:path';
import { DEFAULTS } from '../../core/contracts/defaults';
import { BASELINE_FILE } from './files';
import { changedLinesCoverage } from './changed-lines';
import { evaluateMetrics, evaluatePerFile, leastCovered, overallStatus } from './evaluate';
import { readBaseline, readCoverageMap } from './read-coverage';
import { CoverageGateReport, Thresholds } from './types';


export interface AssessOptions {
  workspaceRoot: string;
  projectName: string;
  projectRoot: string;
  coverageDir: string;
  thresholds?: Thresholds;
  perFile?: Thresholds;
  tolerance?: number;
  /** Ignore the committed baseline (when it is about to be rewritten). */
  ignoreBaseline?: boolean;
  base?: string;
  changedLines?: number;
}

/**
 * The coverage verdict from the files a test run left: thresholds, the ratchet baseline and
 * changed-lines coverage. Shared by the coverage-gate target and the `coverage` check of ready.
 */
export function assessCoverage(o: AssessOptions): CoverageGateReport {
  const baselineFile = posix.join(o.projectRoot, BASELINE_FILE);
  const baseline = o.ignoreBaseline ? null : readBaseline(o.workspaceRoot, baselineFile);
  const coverageFinal = posix.join(o.coverageDir, 'coverage-final.json');
  const map = readCoverageMap(o.workspaceRoot, coverageFinal);
  const metrics = evaluateMetrics(map.getCoverageSummary(), {
    workspaceRoot: o.workspaceRoot,
    // An option left unset keeps its default rather than erasing it.
    thresholds: { ...DEFAULTS.coverage, ...Object.fromEntries(Object.entries(o.thresholds ?? {}).filter(([, v]) => v !== undefined)) },
    baseline,
    tolerance: o.tolerance ?? DEFAULTS.coverageTolerance,
  });
  const changedLines = o.base ? changedLinesCoverage(map, o.workspaceRoot, o.base, o.projectRoot, o.changedLines ?? DEFAULTS.changedLines) : null;
  const perFile = evaluatePerFile(map, o.perFile, o.workspaceRoot);
  return {
    schemaVersion: 1,
    project: o.projectName,
    projectRoot: o.projectRoot,
    status: overallStatus(metrics, changedLines, perFile),
    generatedAt: new Date().toISOString(),
    metrics,
    changedLines,
    perFile,
    leastCovered: leastCovered(map, o.workspaceRoot),
    coverageFinal,
    baselineFile: baseline ? baselineFile : null,
  };
}
