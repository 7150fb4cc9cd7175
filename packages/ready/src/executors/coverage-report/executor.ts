// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
import { ExecutorContext, logger } from '@nx/devkit';
import { runCoverageReport } from '../../features/coverage/report';
import { failingTestsMessage } from '../../features/coverage/tests-record';
import { firstLine, isReadyError } from '../../utils/errors';
import { CoverageReportExecutorSchema } from './schema';

/** Runs the tests once with coverage, for coverage-gate and ready; failing tests are recorded, not thrown. */
export default async function coverageReportExecutor(
  options: CoverageReportExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  try {
    const name = context.projectName!;
    const record = runCoverageReport(context.root, { ...context.projectsConfigurations.projects[name], name }, options);
    logger.info(record.passed ? `${record.total} test(s) passed; coverage in ${record.coverageDir}` : failingTestsMessage(record));
    return { success: true };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(firstLine(error));
    return { success: false };
  }
}
