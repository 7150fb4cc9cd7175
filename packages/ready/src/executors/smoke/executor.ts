// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { refuseUnknownOptions } from '../../core/nx/known-options';
import { ExecutorContext, logger } from '@nx/devkit';
import { join } from 'node:path';
import { resultsDirFor } from '../../core/contracts/results';
import { BUILD_PRODUCTION_FILE } from '../../features/build/files';
import { findNextDir } from '../../features/build/next-output';
import { BuildProductionReport } from '../../features/build/types';
import { renderSmokeTable } from '../../features/smoke/render';
import { SmokeBuild, recordUnserved, runSmoke } from '../../features/smoke/run-smoke';
import { SMOKE_RECORD_FILE } from '../../features/smoke/files';
import { isReadyError } from '../../utils/errors';
import { readJsonIfValid } from '../../utils/json';
import { SmokeExecutorSchema } from './schema';

/** What build-production left for smoke to run: the build folder and its deploy package, if it wrote one. */
function builtApp(workspaceRoot: string, projectRoot: string, options: SmokeExecutorSchema): SmokeBuild {
  // The record serves the build folder (it depends on build-record, never on the build-production
  // gate): a deploy package from an earlier run is not this build's.
  if (options.record) return { nextDir: findNextDir(workspaceRoot, projectRoot, options.nextDir), deployPackage: null };
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
  const refused = refuseUnknownOptions(options, context);
  if (refused) return refused;
  const name = context.projectName!;
  const root = context.projectsConfigurations.projects[name].root;
  try {
    const report = await runSmoke(context.root, { name, root }, options, builtApp(context.root, root, options), (line) =>
      logger.info(line),
    );
    logger.info(renderSmokeTable(report));
    if (options.record && report.status === 'fail')
      logger.info(`Recorded for ready (${SMOKE_RECORD_FILE}); "nx run ${name}:smoke" fails on these.`);
    return { success: options.record || report.status === 'pass' };
  } catch (error) {
    if (!isReadyError(error) && !(error instanceof Error && /server (exited|did not answer)|could not start/.test(error.message)))
      throw error;
    const message = (error as Error).message;
    logger.error(`${name}: ${message}`);
    // A record notes what kept the app from serving, and ready reports it; only the gate fails.
    if (options.record) recordUnserved(context.root, { name, root }, options, message);
    return { success: !!options.record };
  }
}
