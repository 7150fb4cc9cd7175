import { ExecutorContext, logger } from '@nx/devkit';
import { firstLine, isReadyError } from '../../utils/errors';
import { resultsDirFor } from '../../core/results';
import { runProjectTarget } from './run-target';
import { writeFilesAtomically } from '../../utils/write-files';
import { renderMarkdown, renderTable } from '../../core/report';
import { runReady } from '../../features/readiness/run-checks';
import { ReadyExecutorSchema } from './schema';

export default async function readyExecutor(
  options: ReadyExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
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
        minScore: options.minScore ?? 80,
        minLevel: options.minLevel,
        levels: options.levels,
        weights: options.weights,
        checks: options.checks,
        waivers: options.waivers,
      },
    );
    writeFilesAtomically(context.root, {
      [`${outputDir}/ready.json`]: JSON.stringify(report, null, 2) + '\n',
      [`${outputDir}/ready.md`]: renderMarkdown(report),
    });
    logger.info(renderTable(report));
    logger.info(`Report: ${outputDir}/ready.md`);
    return { success: report.status === 'pass' };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(firstLine(error));
    return { success: false };
  }
}
