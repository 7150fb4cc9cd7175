import { Check, CheckContext, CheckResult } from '../../core/check';
import { ReadyError } from '../../utils/errors';
import { PACKAGE_JSON, PLUGIN_NAME } from '../../core/versions';
import { Level, computeLevel, levelAtLeast, normalizeLevels } from './levels';
import { ReadyReport, READY_SCHEMA_VERSION } from '../../core/report';
import { computeScore } from './score';
import { Waiver, applyWaivers } from './waivers';

export interface RunReadyOptions {
  minScore: number;
  minLevel?: string;
  levels?: Record<string, string[]>;
  weights?: Record<string, number>;
  checks?: string[];
  waivers?: Waiver[];
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

/**
 * Runs the given checks of one project (the ready executor hands it every check `checks/` knows),
 * applies waivers, scores and levels them. Pure of writes.
 */
export async function runReady(context: CheckContext, options: RunReadyOptions, checks: readonly Check[]): Promise<ReadyReport> {
  const now = (options.now ?? (() => new Date()))();
  const levels = normalizeLevels(options.levels);
  const results: CheckResult[] = [];
  for (const check of selectChecks(options.checks, checks)) {
    const outcome = await check.run(context);
    results.push({
      id: check.id,
      title: check.title,
      weight: options.weights?.[check.id] ?? check.defaultWeight,
      ...outcome,
      score: Math.max(0, Math.min(100, Math.round(outcome.score))),
    });
  }
  const expired = applyWaivers(results, options.waivers, now);
  // A waived check neither lowers the score nor blocks a level while the waiver holds.
  const score = computeScore(results.filter((r) => !r.waiver?.active));
  const { level, blocking } = computeLevel(results, levels);
  const failures = [...expired, ...results.flatMap((r) => (r.failsProject ? [r.failsProject] : []))];
  if (score < options.minScore) failures.push(`score ${score} is under the minimum of ${options.minScore}`);
  if (options.minLevel && !levelAtLeast(level, options.minLevel)) {
    const missing = Object.entries(blocking)
      .filter(([name]) => !levelAtLeast(level, name))
      .flatMap(([, ids]) => ids);
    failures.push(`level ${level ?? 'none'} is under the minimum of ${options.minLevel} (blocking: ${[...new Set(missing)].join(', ')})`);
  }
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
    generatedAt: now.toISOString(),
    generator: { name: PLUGIN_NAME, version: PACKAGE_JSON.version },
    checks: results,
  };
}
