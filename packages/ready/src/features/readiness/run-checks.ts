import { Check, CheckContext, CheckResult, applies, skipKind } from '../../core/contracts/check';
import { ReadyError } from '../../utils/errors';
import { PACKAGE_JSON, PLUGIN_NAME } from '../../core/contracts/versions';
import { LEVEL_ORDER, Level, computeLevel, levelAtLeast, normalizeLevels } from './levels';
import { ReadyReport, READY_SCHEMA_VERSION } from '../../core/contracts/report';
import { computeScore } from './score';
import { Waiver, applyWaivers } from './waivers';
import { ReadyBaseline, compareToBaseline, heldByBaseline } from './baseline';

export interface RunReadyOptions {
  minScore: number;
  minLevel?: string;
  levels?: Record<string, string[]>;
  weights?: Record<string, number>;
  checks?: string[];
  waivers?: Waiver[];
  /** The project's committed baseline: with one, the gate fails only on what got worse than it. */
  baseline?: { file: string; content: ReadyBaseline } | null;
  /** Clock for generatedAt and waiver expiry; injectable for tests. */
  now?: () => Date;
}

export function selectChecks(ids: string[] | undefined, all: readonly Check[]): Check[] {
  if (!ids) return [...all];
  const unknown = ids.filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0) {
    throw new ReadyError(
      `Unknown check(s) ${unknown.map((u) => `"${u}"`).join(', ')} in the ready target's "checks" option: use any of ${all.map((c) => c.id).join(', ')}.`,
    );
  }
  return all.filter((c) => ids.includes(c.id));
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Runs the given checks of one project (the ready executor hands it every check `checks/` knows),
 * applies waivers, scores and levels them, and decides the gate. Pure of writes.
 *
 * The gate: a failure that fails the project (a build that does not build) and an expired waiver
 * always fail it. With a baseline, it fails only on what got worse than the baseline. Without one,
 * it fails when any check fails (waivers aside), the score is under minScore or the level under minLevel.
 */
export async function runReady(context: CheckContext, options: RunReadyOptions, checks: readonly Check[]): Promise<ReadyReport> {
  return judgeReady(context, await measureChecks(context, options, checks), options);
}

/** Runs the checks, one after the other (they share one build measure), with the configured weights. */
export async function measureChecks(
  context: CheckContext,
  options: Pick<RunReadyOptions, 'checks' | 'weights' | 'levels'>,
  checks: readonly Check[],
): Promise<CheckResult[]> {
  normalizeLevels(options.levels); // a bad option is reported before anything is measured
  const results: CheckResult[] = [];
  for (const check of selectChecks(options.checks, checks)) {
    const outcome = await check.run(context);
    results.push({
      id: check.id,
      title: check.title,
      weight: options.weights?.[check.id] ?? check.defaultWeight,
      ...outcome,
      // Every skip says which it is, in ready.json too: a check that names a step could not measure.
      ...(outcome.status === 'skip' ? { skipped: skipKind(outcome) } : {}),
      score: Math.max(0, Math.min(100, Math.round(outcome.score))),
    });
  }
  return results;
}

/** Waivers, score, level and the gate over measured results (each call takes its own copies). */
export function judgeReady(
  context: Pick<CheckContext, 'projectName' | 'projectRoot'>,
  measured: CheckResult[],
  options: RunReadyOptions,
): ReadyReport {
  const now = (options.now ?? (() => new Date()))();
  const levels = normalizeLevels(options.levels);
  const results = measured.map((r) => ({ ...r }));
  const expired = applyWaivers(results, options.waivers, now);
  // A waived check neither lowers the score nor blocks a level while the waiver holds.
  const score = computeScore(results.filter((r) => !r.waiver?.active));
  const { level, blocking } = computeLevel(results, levels);
  const failing = results.filter((r) => r.status === 'fail' && !r.waiver?.active).map((r) => r.id);
  const baseline = options.baseline ?? null;
  // A failure that fails the project does so whatever the score, but a baseline that has it already holds it.
  const always = [
    ...results.flatMap((r) => (r.failsProject && !(baseline && heldByBaseline(r, baseline.content)) ? [r.failsProject] : [])),
    ...expired,
  ];
  const comparison = baseline ? compareToBaseline(results, baseline.content) : { worse: [], better: [] };
  // Each check shows baseline → now wherever it is reported.
  if (baseline) for (const r of results) r.baseline = baseline.content.checks[r.id]?.status ?? 'new';

  const failures = [...always];
  let headline: string;
  if (baseline) {
    if (comparison.worse.length > 0) failures.push(`worse than the baseline: ${comparison.worse.join('; ')}`);
    headline =
      failures.length > 0
        ? `not ready: ${failures.join('; ')}`
        : failing.length > 0
          ? `held by baseline: ${failing.length} check(s) still fail (${listInWords(failing)}), none worse`
          : 'ready';
    if (failures.length === 0 && comparison.better.length > 0) {
      headline += ` (better than the baseline: ${comparison.better.join('; ')}; lock it in with --updateBaseline)`;
    }
  } else {
    // A check that fails the project already says so among the failures, in its own words.
    const named = failing.filter((id) => !results.find((r) => r.id === id)?.failsProject);
    if (named.length > 0) failures.push(`${listInWords(named)} ${named.length === 1 ? 'fails' : 'fail'}`);
    if (score < options.minScore) failures.push(`score ${score} is under the minimum of ${options.minScore}`);
    if (options.minLevel && !levelAtLeast(level, options.minLevel)) {
      const missing = Object.entries(blocking)
        .filter(([name]) => !levelAtLeast(level, name))
        .flatMap(([, ids]) => ids);
      failures.push(`level ${level ?? 'none'} is under the minimum of ${options.minLevel} (blocking: ${[...new Set(missing)].join(', ')})`);
    }
    headline = failures.length === 0 ? 'ready' : `not ready: ${failures.join('; ')}`;
  }
  const next = LEVEL_ORDER[level === null ? 0 : LEVEL_ORDER.indexOf(level) + 1] as Level | undefined;
  return {
    schemaVersion: READY_SCHEMA_VERSION,
    project: context.projectName,
    projectRoot: context.projectRoot,
    score,
    minScore: options.minScore,
    level,
    minLevel: (options.minLevel as Level | undefined) ?? null,
    status: failures.length === 0 ? 'pass' : 'fail',
    failures,
    verdict: {
      headline,
      decidedBy: baseline ? 'baseline' : 'checks',
      baseline: baseline?.file ?? null,
      failing,
      worse: comparison.worse,
      better: comparison.better,
    },
    applies: results.filter(applies).length,
    nextLevel: next ? { level: next, needs: blocking[next] } : null,
    generatedAt: now.toISOString(),
    generator: { name: PLUGIN_NAME, version: PACKAGE_JSON.version },
    checks: results,
  };
}
