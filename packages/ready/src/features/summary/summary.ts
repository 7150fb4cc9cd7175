import { readJsonIfValid } from '../../utils/json';
import { createCoverageMap } from 'istanbul-lib-coverage';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { CheckResult, CheckStatus, applies, fixMarkdown } from '../../core/contracts/check';
import { READY_JSON_FILE, ReadyReport } from '../../core/contracts/report';
import { RESULTS_ROOT, resultsDirFor } from '../../core/contracts/results';
import { markdownTable } from '../../utils/markdown';
import { checkData } from './check-data';

export interface ProjectSummary {
  project: string;
  projectRoot: string;
  /** What Nx reported for the ready task: success, failure, cache hit, skipped… */
  taskStatus: string;
  /** This run's report (written or replayed from the cache by this run's task), or null. */
  report: ReadyReport | null;
  /** An earlier run's report found on disk for a project this run did not measure: shown as stale, never as current. */
  stale?: ReadyReport | null;
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
    status: 'pass' | 'fail' | 'stale' | 'not measured';
    /** The verdict in words ("ready", "not ready: coverage fails", "held by baseline: …"). */
    headline: string;
    /** For a stale project: when its shown result was measured (not in this run). */
    measuredAt: string | null;
    /** Each check's state: a skip says whether the check does not apply (n/a) or could not measure. */
    checks: Record<string, CheckStatus | 'waived' | 'n/a' | 'not measured'>;
    /** Each check's status in the committed baseline, where it differs from now. */
    baseline: Record<string, CheckStatus | 'new'>;
    fixes: string[];
    failures: string[];
  }>;
  checkIds: string[];
  /**
   * Projects an earlier run measured and this one did not (a run of one project keeps the others):
   * their last report, `stale` when the project changed after it (a commit or an edit under its
   * root), else `earlier`. Absent in summaries of older versions.
   */
  earlier?: EarlierProject[];
  /** Each project's results, oldest first, one per measured report (a cache replay adds none): the last 30. */
  history?: Record<string, HistoryPoint[]>;
  /** Every project's coverage map merged: the workspace figure. */
  coverage: { lines: number; statements: number; functions: number; branches: number; projects: number } | null;
}

export interface EarlierProject {
  project: string;
  projectRoot: string;
  score: number;
  level: string | null;
  status: 'earlier' | 'stale';
  measuredAt: string;
  headline: string;
}

export interface HistoryPoint {
  at: string;
  score: number;
  level: string | null;
  status: 'pass' | 'fail';
}

const HISTORY_LENGTH = 30;

/**
 * The summary of this run with what the last summary knew: the projects it does not measure, as
 * their last report says (`readReport` finds it by project root; `changedSince` says whether the
 * project changed after a time), and each project's history, extended by this run's reports.
 */
export function withEarlierRuns(
  current: WorkspaceSummary,
  previous: WorkspaceSummary | null,
  reports: ReadyReport[],
  readReport: (projectRoot: string) => ReadyReport | null,
  changedSince: (projectRoot: string, iso: string) => boolean,
): WorkspaceSummary {
  const inRun = new Set(current.projects.map((p) => p.project));
  const known = new Map<string, string>();
  for (const p of [...(previous?.projects ?? []), ...(previous?.earlier ?? [])])
    if (!inRun.has(p.project)) known.set(p.project, p.projectRoot);
  const earlier: EarlierProject[] = [];
  for (const [project, projectRoot] of known) {
    const report = readReport(projectRoot);
    if (!report || report.project !== project) continue;
    earlier.push({
      project,
      projectRoot,
      score: report.score,
      level: report.level,
      status: changedSince(projectRoot, report.generatedAt) ? 'stale' : 'earlier',
      measuredAt: report.generatedAt,
      headline: report.verdict?.headline ?? report.status,
    });
  }
  const history: Record<string, HistoryPoint[]> = {};
  for (const [project, points] of Object.entries(previous?.history ?? {}))
    if (inRun.has(project) || known.has(project)) history[project] = [...points];
  for (const r of reports) {
    const points = (history[r.project] ??= []);
    if (points.at(-1)?.at === r.generatedAt) continue; // a replay of the report the history already has
    points.push({ at: r.generatedAt, score: r.score, level: r.level, status: r.status });
    history[r.project] = points.slice(-HISTORY_LENGTH);
  }
  return { ...current, earlier: earlier.sort((a, b) => a.project.localeCompare(b.project)), history };
}

/** Task statuses whose outputs Nx restored from a cache: the report on disk is this run's result. */
const FROM_CACHE = new Set(['local-cache', 'local-cache-kept-existing', 'remote-cache']);

/**
 * Reads the ready.json of each project that a run touched, from the results folder its task wrote
 * to (`resultsDir`, from the task's outputs) or the default one. It is this run's report when the
 * task restored it from a cache, or ran and wrote it after the run started (`runStartedAt`, ms);
 * anything else on disk (a task that was skipped, stopped, or failed before writing) is an earlier
 * run's, kept apart as `stale`.
 */
export function readProjectReports(
  workspaceRoot: string,
  tasks: Array<{ project: string; projectRoot: string; status: string; resultsDir?: string; failedDependencies?: string[] }>,
  runStartedAt: number,
): ProjectSummary[] {
  return tasks.map((t) => {
    const file = join(workspaceRoot, t.resultsDir ?? resultsDirFor(t.projectRoot), READY_JSON_FILE);
    const onDisk = readJsonIfValid<ReadyReport>(file);
    const wroteNow =
      (t.status === 'success' || t.status === 'failure') && onDisk !== null && Date.parse(onDisk.generatedAt) >= runStartedAt - 1000;
    const current = onDisk !== null && (FROM_CACHE.has(t.status) || wroteNow);
    return {
      project: t.project,
      projectRoot: t.projectRoot,
      taskStatus: t.status,
      report: current ? onDisk : null,
      stale: current ? null : onDisk,
      failedDependencies: t.failedDependencies,
    };
  });
}

export function summarize(workspaceRoot: string, projects: ProjectSummary[], now = new Date()): WorkspaceSummary {
  const checkIds = [...new Set(projects.flatMap((p) => (p.report ?? p.stale)?.checks.map((c) => c.id) ?? []))];
  const merged = createCoverageMap({});
  let covered = 0;
  for (const p of projects) {
    const finalFile = p.report ? checkData(p.report.checks, 'coverage')?.coverageFinal : undefined;
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
      .map((p) => {
        const shown = p.report ?? p.stale ?? null;
        const status = p.report ? p.report.status : p.stale ? ('stale' as const) : ('not measured' as const);
        const why = p.report ? null : notMeasured(p);
        return {
          project: p.project,
          projectRoot: p.projectRoot,
          taskStatus: p.taskStatus,
          score: shown?.score ?? null,
          level: shown?.level ?? null,
          status,
          headline: p.report ? (p.report.verdict?.headline ?? p.report.status) : why!,
          measuredAt: p.report ? null : (p.stale?.generatedAt ?? null),
          checks: Object.fromEntries((shown?.checks ?? []).map((c) => [c.id, checkState(c)])),
          // What the baseline said, where it differs from now: shown as baseline → now.
          baseline: Object.fromEntries(
            (shown?.checks ?? []).filter((c) => c.baseline && c.baseline !== c.status).map((c) => [c.id, c.baseline!]),
          ),
          fixes: [...new Set((shown?.checks ?? []).filter((c) => c.fix && c.status !== 'pass' && !c.waiver?.active).map((c) => c.fix!))],
          failures: p.report?.failures ?? [why!],
        };
      })
      .sort((a, b) => a.project.localeCompare(b.project)),
  };
}

function notMeasured(p: ProjectSummary): string {
  const stale = p.stale ? `; the result shown is stale, measured ${utcMinute(p.stale.generatedAt)}` : '';
  if (p.failedDependencies && p.failedDependencies.length > 0)
    return `not measured in this run: ${p.failedDependencies.join(', ')} failed first (run it to see why)${stale}`;
  return `not measured in this run: the ready task wrote no report (${p.taskStatus})${stale}`;
}

/** Whether a run measured anything: a run that measured no project leaves the last summary as it was. */
export function measuredAny(projects: ProjectSummary[]): boolean {
  return projects.some((p) => p.report !== null);
}

const MARK: Record<string, string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  'n/a': '➖',
  skip: '➖',
  'not measured': '❔',
  waived: '🕊️',
  new: '🆕',
};

function checkState(c: CheckResult): WorkspaceSummary['projects'][number]['checks'][string] {
  if (c.waiver?.active) return 'waived';
  if (c.status === 'skip') return applies(c) ? 'not measured' : 'n/a';
  return c.status;
}

/** The workspace table, like the "Current Metrics" of a readiness report, with the fixes to run. */
export function renderSummaryMarkdown(summary: WorkspaceSummary): string {
  const lines = [
    '# Production readiness',
    '',
    ...markdownTable(
      [
        { title: 'project' },
        { title: 'score', align: 'right' },
        { title: 'level' },
        { title: 'status' },
        ...summary.checkIds.map((id) => ({ title: id, align: 'center' as const })),
      ],
      summary.projects.map((p) => [
        p.project,
        String(p.score ?? '–'),
        p.level ?? '–',
        p.status === 'stale' ? `stale (${utcMinute(p.measuredAt!)})` : p.status,
        ...summary.checkIds.map((id) => (p.baseline[id] ? `${MARK[p.baseline[id]] ?? '➖'}→` : '') + (MARK[p.checks[id]] ?? '')),
      ]),
    ),
  ];
  if (summary.coverage) {
    lines.push(
      '',
      `Workspace coverage (${summary.coverage.projects} project(s) merged): lines ${summary.coverage.lines} %, statements ${summary.coverage.statements} %, functions ${summary.coverage.functions} %, branches ${summary.coverage.branches} %.`,
    );
  }
  const moved = summary.projects.filter((p) => (summary.history?.[p.project] ?? []).length > 1);
  if (moved.length > 0) {
    lines.push(
      '',
      `Score before → now: ${moved
        .map(
          (p) =>
            `${p.project} ${summary
              .history![p.project].slice(-5)
              .map((h) => h.score)
              .join(' → ')}`,
        )
        .join('; ')}.`,
    );
  }
  if ((summary.earlier ?? []).length > 0) {
    lines.push(
      '',
      `Not in this run (their last report): ${summary
        .earlier!.map(
          (p) =>
            `${p.project} ${p.score} (${p.level ?? 'no level'}, ${p.status === 'stale' ? 'stale: changed since' : 'unchanged since'} ${utcMinute(p.measuredAt)})`,
        )
        .join('; ')}.`,
    );
  }
  const withFixes = summary.projects.filter((p) => p.fixes.length > 0 || p.status !== 'pass');
  if (withFixes.length > 0) {
    lines.push('', '## What to do');
    for (const p of withFixes) {
      lines.push('', `**${p.project}**: ${p.headline}`, ...p.fixes.map((f) => `- ${fixMarkdown(f)}`));
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

/** An ISO time as the summary shows it: "2027-01-15 12:00 UTC". */
function utcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
