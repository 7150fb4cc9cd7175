// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { ExecutorContext, logger } from '@nx/devkit';
import { join } from 'node:path';
import { resultsDirFor } from '../../core/contracts/results';
import { BUILD_PRODUCTION_FILE } from '../../features/build/files';
import { findNextDir } from '../../features/build/next-output';
import { BuildProductionReport } from '../../features/build/types';
import { renderSmokeTable } from '../../features/smoke/render';
import { SmokeBuild, runSmoke } from '../../features/smoke/run-smoke';
import { isReadyError } from '../../utils/errors';
import { readJsonIfValid } from '../../utils/json';
import { SmokeExecutorSchema } from './schema';

/** What build-production left for smoke to run: the build folder and its deploy package, if it wrote one. */
function builtApp(workspaceRoot: string, projectRoot: string, options: SmokeExecutorSchema): SmokeBuild {
  const record = readJsonIfValid<BuildProductionReport>(
    join(workspaceRoot, resultsDirFor(projectRoot, options.outputPath), BUILD_PRODUCTION_FILE),
  );
  const pkg = record?.deployPackage;
  return {
    nextDir: findNextDir(workspaceRoot, projectRoot, options.nextDir),
    deployPackage: pkg && 'path' in pkg ? { path: pkg.path, entry: pkg.entry } : null,
  };
}

/** Boots the built app, requests and loads every route, checks the budgets: see `runSmoke`. */
export default async function smokeExecutor(options: SmokeExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const name = context.projectName!;
  const root = context.projectsConfigurations.projects[name].root;
  try {
    const report = await runSmoke(context.root, { name, root }, options, builtApp(context.root, root, options), (line) =>
      logger.info(line),
    );
    logger.info(renderSmokeTable(report));
    return { success: report.status === 'pass' };
  } catch (error) {
    if (!isReadyError(error) && !(error instanceof Error && /server (exited|did not answer)|could not start/.test(error.message)))
      throw error;
    logger.error(`${name}: ${(error as Error).message}`);
    return { success: false };
  }
}
