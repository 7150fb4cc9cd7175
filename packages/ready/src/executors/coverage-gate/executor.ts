// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { executorProject } from '../../core/nx/executor-project';
import { refuseUnknownOptions } from '../../core/nx/known-options';
import { ExecutorContext, logger } from '@nx/devkit';
import { runGate } from '../../features/coverage/gate';
import { renderGateTable } from '../../features/coverage/render';
import { firstLine, isReadyError } from '../../utils/errors';
import { CoverageGateExecutorSchema } from './schema';

/** The coverage gate target: fails the task on a failing verdict. */
export default async function coverageGateExecutor(
  options: CoverageGateExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const refused = refuseUnknownOptions(options, context);
  if (refused) return refused;
  try {
    const { root } = executorProject(context);
    const report = runGate(context.root, { name: context.projectName!, root }, options);
    logger.info(renderGateTable(report));
    return { success: report.status !== 'fail' };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(firstLine(error));
    return { success: false };
  }
}
