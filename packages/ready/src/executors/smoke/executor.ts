// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { ExecutorContext, logger } from '@nx/devkit';
import { renderSmokeTable } from '../../features/smoke/render';
import { runSmoke } from '../../features/smoke/run-smoke';
import { isReadyError } from '../../utils/errors';
import { SmokeExecutorSchema } from './schema';

/** Boots the built app, requests and loads every route, checks the budgets: see `runSmoke`. */
export default async function smokeExecutor(options: SmokeExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const name = context.projectName!;
  const root = context.projectsConfigurations.projects[name].root;
  try {
    const report = await runSmoke(context.root, { name, root }, options, (line) => logger.info(line));
    logger.info(renderSmokeTable(report));
    return { success: report.status === 'pass' };
  } catch (error) {
    if (!isReadyError(error) && !(error instanceof Error && /server (exited|did not answer)|could not start/.test(error.message)))
      throw error;
    logger.error(`${name}: ${(error as Error).message}`);
    return { success: false };
  }
}
