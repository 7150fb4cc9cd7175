import { PostTasksExecution, ProjectGraph, logger, readCachedProjectGraph } from '@nx/devkit';
import { workspaceDependencies } from '../core/workspace/project-graph';
import { appendFileSync } from 'node:fs';
import { READY_JSON_FILE, ReadyReport } from '../core/contracts/report';
import { renderDashboard } from '../features/summary/dashboard';
import {
  WorkspaceSummary,
  measuredAny,
  readProjectReports,
  renderSummaryMarkdown,
  summarize,
  summaryPaths,
  withEarlierRuns,
} from '../features/summary/summary';
import { DEFAULT_LEVELS } from '../features/readiness/levels';
import { changedSince } from '../core/workspace/git';
import { resultsDirFor } from '../core/contracts/results';
import { readJsonIfValid } from '../utils/json';
import { join } from 'node:path';
import { writeFilesAtomically } from '../utils/write-files';
import { ReadyPluginOptions, normalizePluginOptions } from '../core/nx/plugin-options';

/**
 * After any `nx run-many` / `nx affected` that ran the ready target: every project's ready.json of
 * that run rolled into dist/ready/summary.json, summary.md and index.html, and the markdown appended
 * to $GITHUB_STEP_SUMMARY when it is set (GitHub Actions).
 */
export const postTasksExecution: PostTasksExecution<ReadyPluginOptions> = async (rawOptions, context) => {
  const options = normalizePluginOptions(rawOptions);
  const results = Object.values(context.taskResults);
  const failed = results.filter((r) => r.status === 'failure').map((r) => r.task.target);
  const graph = failed.length > 0 ? cachedGraph() : null;
  const tasks = results
    .filter((r) => r.task.target.target === options.readyTargetName)
    .map((r) => ({
      project: r.task.target.project,
      projectRoot: r.task.projectRoot ?? '.',
      status: r.status,
      // Where this task wrote its report: its declared output, which honours a configured outputPath.
      resultsDir: r.task.outputs?.find((o) => o.endsWith(`/${READY_JSON_FILE}`))?.slice(0, -READY_JSON_FILE.length - 1),
      // Nx gives no task graph here: the project's own failed tasks are what stopped its ready, else
      // (none of its own failed) another project's, such as the build of a workspace package it waits for.
      failedDependencies: failedFirst(failed, r.task.target.project, options.readyTargetName, r.status === 'skipped' ? graph : undefined),
    }));
  if (tasks.length === 0) return;
  const projects = readProjectReports(context.workspaceRoot, tasks, typeof context.startTime === 'number' ? context.startTime : 0);
  // A run that measured nothing (it failed first) leaves the last summary, dashboard and CI summary as they were.
  if (!measuredAny(projects)) {
    logger.warn(`@plinto/ready: no project was measured in this run; ${summaryPaths().md} is left as it was.`);
    return;
  }
  const paths = summaryPaths();
  const reports = projects.map((p) => p.report).filter((r): r is ReadyReport => r !== null);
  // The last summary's other projects stay (stale once they changed), and every project's history grows.
  const summary = withEarlierRuns(
    summarize(context.workspaceRoot, projects),
    readJsonIfValid<WorkspaceSummary>(join(context.workspaceRoot, paths.json)),
    reports,
    (root) => readJsonIfValid<ReadyReport>(join(context.workspaceRoot, resultsDirFor(root), READY_JSON_FILE)),
    (root, iso) => changedSince(context.workspaceRoot, root, iso),
  );
  const markdown = renderSummaryMarkdown(summary);
  writeFilesAtomically(context.workspaceRoot, {
    [paths.json]: JSON.stringify(summary, null, 2) + '\n',
    [paths.md]: markdown,
    [paths.html]: renderDashboard(summary, reports, options.levels ? { ...DEFAULT_LEVELS, ...options.levels } : DEFAULT_LEVELS),
  });
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown);
  logger.info(`@plinto/ready: workspace summary in ${paths.md} and ${paths.html}`);
};

/** The project graph of this run as Nx cached it, or null (graph caching turned off). */
function cachedGraph(): ProjectGraph | null {
  try {
    return readCachedProjectGraph();
  } catch {
    return null;
  }
}

/**
 * The failed tasks that stopped a project's ready: its own; else, where Nx skipped it, those of the
 * workspace projects it depends on (the build of a package it waits for), or every other project's
 * failed task where the graph is not at hand. `graph` is undefined where ready was not skipped.
 */
function failedFirst(
  failed: Array<{ project: string; target: string }>,
  project: string,
  readyTarget: string,
  graph: ProjectGraph | null | undefined,
): string[] {
  const others = failed.filter((t) => t.target !== readyTarget);
  const own = others.filter((t) => t.project === project);
  if (own.length > 0 || graph === undefined) return own.map((t) => `${t.project}:${t.target}`);
  const dependencies = graph && graph.nodes[project] ? new Set(workspaceDependencies(graph, project)) : null;
  return others.filter((t) => !dependencies || dependencies.has(t.project)).map((t) => `${t.project}:${t.target}`);
}
