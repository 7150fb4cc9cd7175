import { ExecutorContext, logger } from '@nx/devkit';
import { posix } from 'node:path';
import { ReadyError, firstLine, isReadyError } from '../../utils/errors';
import { resultsDirFor } from '../../core/results';
import { writeFilesAtomically } from '../../utils/write-files';
import { BASELINE_FILE, assessCoverage } from '../../features/coverage/assess';
import { round } from '../../features/coverage/evaluate';
import { renderGateTable } from '../../features/coverage/render';
import { failingTestsMessage, readTestsRecord } from '../../features/coverage/tests-record';
import { COVERAGE_METRICS, CoverageGateReport } from '../../features/coverage/types';
import { CoverageGateExecutorSchema } from './schema';

export { BASELINE_FILE };

/**
 * The coverage gate: judges the coverage that the coverage-report target (its dependency, so the
 * test run is cached and shared with ready) left, and fails the task on a failing verdict.
 */
export default async function coverageGateExecutor(
  options: CoverageGateExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  try {
    const report = runGate(options, context);
    logger.info(renderGateTable(report));
    return { success: report.status !== 'fail' };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(firstLine(error));
    return { success: false };
  }
}

export function runGate(options: CoverageGateExecutorSchema, context: ExecutorContext): CoverageGateReport {
  const workspaceRoot = context.root;
  const projectName = context.projectName!;
  const projectRoot = context.projectsConfigurations.projects[projectName].root;
  const resultsDir = resultsDirFor(projectRoot, options.outputPath);
  const tests = readTestsRecord(workspaceRoot, resultsDir);
  if (!tests) {
    throw new ReadyError(
      `${resultsDir}/tests.json does not exist: run "nx run ${projectName}:coverage-report" first (coverage-gate depends on it when inferred by @plinto/ready).`,
    );
  }
  if (!tests.passed) throw new ReadyError(failingTestsMessage(tests));
  const report = assessCoverage({
    workspaceRoot,
    projectName,
    projectRoot,
    coverageDir: tests.coverageDir,
    thresholds: options.thresholds,
    perFile: options.perFile,
    tolerance: options.tolerance,
    ignoreBaseline: options.updateBaseline,
    base: options.base ?? process.env.NX_BASE,
    changedLines: options.changedLines,
  });
  const files: Record<string, string> = { [`${resultsDir}/coverage-gate.json`]: JSON.stringify(report, null, 2) + '\n' };
  if (options.updateBaseline) {
    const baselineFile = posix.join(projectRoot, BASELINE_FILE);
    const values = Object.fromEntries(COVERAGE_METRICS.map((m) => [m, round(report.metrics[m].pct)]));
    files[baselineFile] = JSON.stringify({ ...values, updatedAt: report.generatedAt }, null, 2) + '\n';
    logger.info(`Baseline written to ${baselineFile}: commit it so that coverage can only go up from here.`);
  }
  writeFilesAtomically(workspaceRoot, files);
  return report;
}
