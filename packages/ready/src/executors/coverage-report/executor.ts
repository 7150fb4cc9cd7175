// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { refuseUnknownOptions } from '../../core/nx/known-options';
import { ExecutorContext, logger } from '@nx/devkit';
import { runCoverageReport } from '../../features/coverage/report';
import { failingTestsMessage } from '../../features/coverage/tests-record';
import { firstLine, isReadyError } from '../../utils/errors';
import { CoverageReportExecutorSchema } from './schema';

/**
 * Runs the tests once with coverage, for coverage-gate and ready. Failing tests, and what kept the
 * tests from running at all, are recorded, not thrown: this target always succeeds, so the project
 * is reported; coverage-gate and ready are the gates.
 */
export default async function coverageReportExecutor(
  options: CoverageReportExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const refused = refuseUnknownOptions(options, context);
  if (refused) return refused;
  try {
    const name = context.projectName!;
    const record = runCoverageReport(context.root, { ...context.projectsConfigurations.projects[name], name }, options);
    if (record.error) logger.error(failingTestsMessage(record));
    else if (record.coverageError) logger.warn(record.coverageError.message);
    else logger.info(record.passed ? `${record.total} test(s) passed; coverage in ${record.coverageDir}` : failingTestsMessage(record));
    return { success: true };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(firstLine(error));
    return { success: false };
  }
}
