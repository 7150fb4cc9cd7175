import { CHECKS, Check, CheckContext, CheckResult } from '../../../checks';
import { ReadyError } from '../../../utils/errors';
import { PACKAGE_JSON } from '../../../utils/package-info';
import { ReadyReport, READY_SCHEMA_VERSION } from './report';
import { computeScore } from './score';

export interface RunReadyOptions {
  minScore: number;
  weights?: Record<string, number>;
  checks?: string[];
  /** Clock for generatedAt; injectable for tests. */
  now?: () => Date;
}

export function selectChecks(ids: string[] | undefined, all: readonly Check[] = CHECKS): Check[] {
  if (!ids) return [...all];
  const unknown = ids.filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0) {
    throw new ReadyError(
      `Unknown check(s) ${unknown.map((u) => `"${u}"`).join(', ')} in the ready target's "checks" option: use any of ${all.map((c) => c.id).join(', ')}.`,
    );
  }
  return all.filter((c) => ids.includes(c.id));
}

/** Runs the checks of one project and scores them. Pure of writes: the executor owns the files. */
export async function runReady(context: CheckContext, options: RunReadyOptions, checks: readonly Check[] = CHECKS): Promise<ReadyReport> {
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
  const score = computeScore(results);
  return {
    schemaVersion: READY_SCHEMA_VERSION,
    project: context.projectName,
    projectRoot: context.projectRoot,
    score,
    minScore: options.minScore,
    status: score >= options.minScore ? 'pass' : 'fail',
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
    generator: { name: '@plinto/ready', version: PACKAGE_JSON.version },
    checks: results,
  };
}
