// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { executorProject } from '../../core/nx/executor-project';
import { refuseUnknownOptions } from '../../core/nx/known-options';
import { ExecutorContext, logger } from '@nx/devkit';
import { targetNames } from '../../core/contracts/defaults';
import { resultsDirFor } from '../../core/contracts/results';
import { runBuild } from '../../features/build/build-run';
import { BUILD_RUN_FILE } from '../../features/build/files';
import { writeFilesAtomically } from '../../utils/write-files';
import { BuildRecordExecutorSchema } from './schema';

/**
 * Runs the project's build and records the outcome for ready, which depends on this target rather
 * than on the build: a build that fails becomes ready's loudest failing check instead of a
 * project Nx skips. Succeeds whatever the build did; build-production still depends on the build itself.
 */
export default async function buildRecordExecutor(
  options: BuildRecordExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const refused = refuseUnknownOptions(options, context);
  if (refused) return refused;
  const { name: projectName, root } = executorProject(context);
  const target = options.buildTarget ?? targetNames().build;
  const run = await runBuild(context.root, projectName, target, (chunk) => process.stdout.write(chunk));
  const path = `${resultsDirFor(root, options.outputPath)}/${BUILD_RUN_FILE}`;
  writeFilesAtomically(context.root, { [path]: JSON.stringify(run, null, 2) + '\n' });
  if (run.success) logger.info(`${projectName}:${target} passed (${path})`);
  else logger.warn(`${projectName}:${target} failed; ready reports it (${path}):\n${run.error.join('\n')}`);
  return { success: true };
}
