// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { refuseUnknownOptions } from '../../core/nx/known-options';
import { ExecutorContext, logger } from '@nx/devkit';
import { checksFor } from './checks';
import { DEFAULTS } from '../../core/contracts/defaults';
import { READY_JSON_FILE, READY_MD_FILE } from '../../core/contracts/report';
import { resultsDirFor } from '../../core/contracts/results';
import { renderMarkdown, renderTable } from '../../features/readiness/render';
import { judgeReady, measureChecks } from '../../features/readiness/run-checks';
import { baselineOf, baselinePath, readBaseline, renderBaseline } from '../../features/readiness/baseline';
import { firstLine, isReadyError } from '../../utils/errors';
import { writeFilesAtomically } from '../../utils/write-files';
import { runProjectTarget } from './run-target';
import { ReadyExecutorSchema } from './schema';

export default async function readyExecutor(options: ReadyExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const refused = refuseUnknownOptions(options, context);
  if (refused) return refused;
  const projectName = context.projectName!;
  const project = context.projectsConfigurations.projects[projectName];
  const outputDir = resultsDirFor(project.root, options.outputPath);
  try {
    const file = baselinePath(project.root);
    const context_ = {
      workspaceRoot: context.root,
      projectName,
      projectRoot: project.root,
      projectType: project.projectType,
      resultsDir: outputDir,
      options,
      targets: project.targets ?? {},
      projectGraph: context.projectGraph,
      runTarget: (target: string) => runProjectTarget(context, target),
    };
    const gate = {
      minScore: options.minScore ?? DEFAULTS.minScore,
      minLevel: options.minLevel,
      levels: options.levels,
      weights: options.weights,
      checks: options.checks,
      waivers: options.waivers,
    };
    // Read before measuring: a broken baseline file is reported without running any check.
    const committed = options.updateBaseline ? null : readBaseline(context.root, project.root);
    const results = await measureChecks(context_, gate, checksFor(options));
    // --updateBaseline: this run's results become the baseline, and the run is judged against it.
    const baseline = options.updateBaseline ? baselineOf(projectName, results) : committed;
    const report = judgeReady(context_, results, { ...gate, baseline: baseline ? { file, content: baseline } : null });
    writeFilesAtomically(context.root, {
      [`${outputDir}/${READY_JSON_FILE}`]: JSON.stringify(report, null, 2) + '\n',
      [`${outputDir}/${READY_MD_FILE}`]: renderMarkdown(report),
      ...(options.updateBaseline && baseline ? { [file]: renderBaseline(baseline) } : {}),
    });
    if (options.updateBaseline) logger.info(`Baseline written: ${file} (commit it; ready now fails only on what gets worse than it)`);
    logger.info(renderTable(report));
    logger.info(`Report: ${outputDir}/${READY_MD_FILE}`);
    return { success: report.status === 'pass' };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(firstLine(error));
    return { success: false };
  }
}
