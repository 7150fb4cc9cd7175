import { logger } from '@nx/devkit';
import { posix } from 'node:path';
import { resultsDirFor } from '../../core/contracts/results';
import { ReadyError } from '../../utils/errors';
import { writeFilesAtomically } from '../../utils/write-files';
import { assessCoverage } from './assess';
import { BASELINE_FILE, COVERAGE_GATE_FILE } from './files';
import { round } from './evaluate';
import { failingTestsMessage, readTestsRecord } from './tests-record';
import { COVERAGE_METRICS, CoverageGateReport, Thresholds } from './types';

export interface CoverageGateOptions {
  outputPath?: string;
  thresholds?: Thresholds;
  perFile?: Thresholds;
  tolerance?: number;
  updateBaseline?: boolean;
  /** Git ref for the changed-lines rule; defaults to NX_BASE (set by nx affected). */
  base?: string;
  changedLines?: number;
}


/**
 * The coverage gate: judges the coverage that the coverage-report target (its dependency, so the
 * test run is cached and shared with ready) left, writes coverage-gate.json and, with
 * updateBaseline, the committed ratchet baseline.
 */
export function runGate(workspaceRoot: string, project: { name: string; root: string }, options: CoverageGateOptions): CoverageGateReport {
  const resultsDir = resultsDirFor(project.root, options.outputPath);
  const tests = readTestsRecord(workspaceRoot, resultsDir);
  if (!tests) {
    throw new ReadyError(
      `${resultsDir}/tests.json does not exist: run "nx run ${project.name}:coverage-report" first (coverage-gate depends on it when inferred by @plinto/ready).`,
    );
  }
  if (!tests.passed) throw new ReadyError(failingTestsMessage(tests));
  if (tests.coverageError) throw new ReadyError(tests.coverageError.message);
  const report = assessCoverage({
    workspaceRoot,
    projectName: project.name,
    projectRoot: project.root,
    coverageDir: tests.coverageDir,
    thresholds: options.thresholds,
    perFile: options.perFile,
    tolerance: options.tolerance,
    ignoreBaseline: options.updateBaseline,
    base: options.base ?? process.env.NX_BASE,
    changedLines: options.changedLines,
  });
  const files: Record<string, string> = { [`${resultsDir}/${COVERAGE_GATE_FILE}`]: JSON.stringify(report, null, 2) + '\n' };
  if (options.updateBaseline) {
    const baselineFile = posix.join(project.root, BASELINE_FILE);
    const values = Object.fromEntries(COVERAGE_METRICS.map((m) => [m, round(report.metrics[m].pct)]));
    files[baselineFile] = JSON.stringify({ ...values, updatedAt: report.generatedAt }, null, 2) + '\n';
    logger.info(`Baseline written to ${baselineFile}: commit it so that coverage can only go up from here.`);
  }
  writeFilesAtomically(workspaceRoot, files);
  return report;
}
