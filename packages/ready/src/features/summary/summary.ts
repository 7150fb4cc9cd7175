import { createCoverageMap } from 'istanbul-lib-coverage';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { CheckStatus } from '../../core/check';
import { READY_JSON_FILE, ReadyReport } from '../../core/report';
import { RESULTS_ROOT, resultsDirFor } from '../../core/results';

export interface ProjectSummary {
  project: string;
  projectRoot: string;
  /** What Nx reported for the ready task: success, failure, cache hit, skipped… */
  taskStatus: string;
  report: ReadyReport | null;
  /** Tasks of the run that failed before ready could run, when it did not. */
  failedDependencies?: string[];
}

export interface WorkspaceSummary {
  schemaVersion: 1;
  generatedAt: string;
  projects: Array<{
    project: string;
    projectRoot: string;
    taskStatus: string;
    score: number | null;
    level: string | null;
    status: 'pass' | 'fail' | 'not measured';
    checks: Record<string, CheckStatus | 'waived'>;
    fixes: string[];
    failures: string[];
  }>;
  checkIds: string[];
  /** Every project's coverage map merged: the workspace figure. */
  coverage: { lines: number; statements: number; functions: number; branches: number; projects: number } | null;
}

/**
 * Reads the ready.json of each project that a run touched (null where the task did not write one),
 * from the results folder its task wrote to (`resultsDir`, from the task's outputs) or the default one.
 */
export function readProjectReports(
  workspaceRoot: string,
  tasks: Array<{ project: string; projectRoot: string; status: string; resultsDir?: string; failedDependencies?: string[] }>,
): ProjectSummary[] {
  return tasks.map((t) => {
    const file = join(workspaceRoot, t.resultsDir ?? resultsDirFor(t.projectRoot), READY_JSON_FILE);
    let report: ReadyReport | null = null;
    // A task Nx skipped or stopped wrote nothing: a ready.json on disk is an earlier run's.
    const ran = t.status !== 'skipped' && t.status !== 'stopped';
    if (ran && existsSync(file)) {
      try {
        report = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        report = null;
      }
    }
    return { project: t.project, projectRoot: t.projectRoot, taskStatus: t.status, report, failedDependencies: t.failedDependencies };
  });
}

export function summarize(workspaceRoot: string, projects: ProjectSummary[], now = new Date()): WorkspaceSummary {
  const checkIds = [...new Set(projects.flatMap((p) => p.report?.checks.map((c) => c.id) ?? []))];
  const merged = createCoverageMap({});
  let covered = 0;
  for (const p of projects) {
    const coverage = p.report?.checks.find((c) => c.id === 'coverage');
    const finalFile = coverage?.data?.coverageFinal;
    if (typeof finalFile !== 'string' || !existsSync(join(workspaceRoot, finalFile))) continue;
    try {
      merged.merge(JSON.parse(readFileSync(join(workspaceRoot, finalFile), 'utf8')));
      covered++;
    } catch {
      // a broken map is the coverage check's to report, not the summary's
    }
  }
  const s = merged.getCoverageSummary();
  const pct = (m: { pct: number | string }) => (typeof m.pct === 'number' ? m.pct : 100);
  return {
    schemaVersion: 1,
    generatedAt: now.toISOString(),
    checkIds,
    coverage:
      covered > 0
        ? { lines: pct(s.lines), statements: pct(s.statements), functions: pct(s.functions), branches: pct(s.branches), projects: covered }
        : null,
    projects: projects
      .map((p) => ({
        project: p.project,
        projectRoot: p.projectRoot,
        taskStatus: p.taskStatus,
        score: p.report?.score ?? null,
        level: p.report?.level ?? null,
        status: p.report ? p.report.status : ('not measured' as const),
        checks: Object.fromEntries((p.report?.checks ?? []).map((c) => [c.id, c.waiver?.active ? ('waived' as const) : c.status])),
        fixes: [...new Set((p.report?.checks ?? []).filter((c) => c.fix && c.status !== 'pass' && !c.waiver?.active).map((c) => c.fix!))],
        failures: p.report?.failures ?? [notMeasured(p)],
      }))
      .sort((a, b) => a.project.localeCompare(b.project)),
  };
}

function notMeasured(p: ProjectSummary): string {
  if (p.failedDependencies && p.failedDependencies.length > 0)
    return `not measured: ${p.failedDependencies.join(', ')} failed first (run it to see why)`;
  return `not measured: the ready task wrote no report (${p.taskStatus})`;
}

const MARK: Record<string, string> = { pass: '✅', warn: '⚠️', fail: '❌', skip: '➖', waived: '🕊️' };

/** The workspace table, like the "Current Metrics" of a readiness report, with the fixes to run. */
export function renderSummaryMarkdown(summary: WorkspaceSummary): string {
  const lines = [
    '# Production readiness',
    '',
    `| project | score | level | status | ${summary.checkIds.join(' | ')} |`,
    `| --- | ---: | --- | --- | ${summary.checkIds.map(() => ':---:').join(' | ')} |`,
    ...summary.projects.map(
      (p) =>
        `| ${p.project} | ${p.score ?? '–'} | ${p.level ?? '–'} | ${p.status} | ${summary.checkIds.map((id) => MARK[p.checks[id]] ?? '').join(' | ')} |`,
    ),
  ];
  if (summary.coverage) {
    lines.push(
      '',
      `Workspace coverage (${summary.coverage.projects} project(s) merged): lines ${summary.coverage.lines} %, statements ${summary.coverage.statements} %, functions ${summary.coverage.functions} %, branches ${summary.coverage.branches} %.`,
    );
  }
  const withFixes = summary.projects.filter((p) => p.fixes.length > 0 || p.status !== 'pass');
  if (withFixes.length > 0) {
    lines.push('', '## What to do');
    for (const p of withFixes) {
      lines.push('', `**${p.project}**${p.failures.length > 0 ? `: ${p.failures.join('; ')}` : ''}`, ...p.fixes.map((f) => `- \`${f}\``));
    }
  }
  lines.push(
    '',
    `Legend: ${Object.entries(MARK)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}.`,
  );
  return lines.join('\n') + '\n';
}

export function summaryPaths(): { dir: string; json: string; md: string; html: string } {
  const dir = RESULTS_ROOT;
  return { dir, json: posix.join(dir, 'summary.json'), md: posix.join(dir, 'summary.md'), html: posix.join(dir, 'index.html') };
}
