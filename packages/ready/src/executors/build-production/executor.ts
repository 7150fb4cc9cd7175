// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { refuseUnknownOptions } from '../../core/nx/known-options';
import { ExecutorContext, logger } from '@nx/devkit';
import { AUDIT_RESULT_FILE } from '../../features/audit/files';
import { measureAudit } from '../../features/audit/measure';
import { runBuildProduction } from '../../features/build/build-production';
import { renderBuildTable } from '../../features/build/render';
import { isReadyError } from '../../utils/errors';
import { BuildProductionExecutorSchema } from './schema';

export default async function buildProductionExecutor(
  options: BuildProductionExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const refused = refuseUnknownOptions(options, context);
  if (refused) return refused;
  try {
    const report = await runBuildProduction(options, context, (resultsDir) =>
      measureAudit(context.root, context.projectGraph, context.projectName!, {
        ...options,
        auditResultPath: `${resultsDir}/${AUDIT_RESULT_FILE}`,
      }),
    );
    logger.info(renderBuildTable(report));
    return { success: report.status === 'pass' };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(error.message);
    return { success: false };
  }
}
