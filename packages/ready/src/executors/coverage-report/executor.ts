import { ExecutorContext, logger } from '@nx/devkit';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { ReadyError, firstLine, isReadyError } from '../../utils/errors';
import { resultsDirFor } from '../../core/results';
import { writeFilesAtomically } from '../../utils/write-files';
import { jestEnvironment, runJestWithCoverage } from '../../features/coverage/run-jest';
import { TestsRecord, failingTestsMessage } from '../../features/coverage/tests-record';
import { CoverageReportExecutorSchema } from './schema';

/**
 * Runs the project's jest with coverage and records the outcome (tests.json beside jest's coverage
 * files). Failing tests are recorded, not thrown: coverage-gate fails on them and ready reports them,
 * so that one failing test never hides the rest of a project's readiness report.
 */
export default async function coverageReportExecutor(
  options: CoverageReportExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  try {
    const record = runCoverageReport(options, context);
    logger.info(record.passed ? `${record.total} test(s) passed; coverage in ${record.coverageDir}` : failingTestsMessage(record));
    return { success: true };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(firstLine(error));
    return { success: false };
  }
}

export function runCoverageReport(options: CoverageReportExecutorSchema, context: ExecutorContext): TestsRecord {
  const workspaceRoot = context.root;
  const projectName = context.projectName!;
  const project = context.projectsConfigurations.projects[projectName];
  const interpolate = (p: string) => posix.normalize(p.replace(/\{projectRoot\}/g, project.root));
  const jestConfig = options.jestConfig ? interpolate(options.jestConfig) : null;
  if (!jestConfig || !existsSync(join(workspaceRoot, jestConfig))) {
    throw new ReadyError(
      `${jestConfig ?? `${project.root}/jest.config.ts`} does not exist, so project "${projectName}" has no tests to measure: ` +
        `add jest (nx g @nx/jest:configuration --project=${projectName}), or remove the coverage targets.`,
    );
  }
  const coverageDir = interpolate(options.coverageDirectory ?? 'coverage/{projectRoot}');
  const testTarget = project.targets?.[options.testTarget ?? 'test'];
  const run = runJestWithCoverage(workspaceRoot, project.root, jestConfig, coverageDir, jestEnvironment(testTarget, jestConfig));
  const record: TestsRecord = {
    schemaVersion: 1,
    project: projectName,
    projectRoot: project.root,
    total: run.numTotalTests,
    failed: run.numFailedTests,
    failedSuites: run.numRuntimeErrorTestSuites,
    passed: run.numFailedTests === 0 && run.numRuntimeErrorTestSuites === 0,
    coverageDir,
    ranAt: new Date().toISOString(),
  };
  writeFilesAtomically(workspaceRoot, { [`${resultsDirFor(project.root, options.outputPath)}/tests.json`]: JSON.stringify(record, null, 2) + '\n' });
  return record;
}
