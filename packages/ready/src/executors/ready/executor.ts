import { ExecutorContext, logger } from '@nx/devkit';
import { CHECKS } from './checks';
import { DEFAULTS } from '../../core/defaults';
import { READY_JSON_FILE, READY_MD_FILE } from '../../core/report';
import { resultsDirFor } from '../../core/results';
import { renderMarkdown, renderTable } from '../../features/readiness/render';
import { runReady } from '../../features/readiness/run-checks';
import { firstLine, isReadyError } from '../../utils/errors';
import { writeFilesAtomically } from '../../utils/write-files';
import { runProjectTarget } from './run-target';
import { ReadyExecutorSchema } from './schema';

export default async function readyExecutor(options: ReadyExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectName = context.projectName!;
  const project = context.projectsConfigurations.projects[projectName];
  const outputDir = resultsDirFor(project.root, options.outputPath);
  try {
    const report = await runReady(
      {
        workspaceRoot: context.root,
        projectName,
        projectRoot: project.root,
        projectType: project.projectType,
        resultsDir: outputDir,
        options,
        targets: project.targets ?? {},
        projectGraph: context.projectGraph,
        runTarget: (target) => runProjectTarget(context, target),
      },
      {
        minScore: options.minScore ?? DEFAULTS.minScore,
        minLevel: options.minLevel,
        levels: options.levels,
        weights: options.weights,
        checks: options.checks,
        waivers: options.waivers,
      },
      CHECKS,
    );
    writeFilesAtomically(context.root, {
      [`${outputDir}/${READY_JSON_FILE}`]: JSON.stringify(report, null, 2) + '\n',
      [`${outputDir}/${READY_MD_FILE}`]: renderMarkdown(report),
    });
    logger.info(renderTable(report));
    logger.info(`Report: ${outputDir}/${READY_MD_FILE}`);
    return { success: report.status === 'pass' };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(firstLine(error));
    return { success: false };
  }
}
