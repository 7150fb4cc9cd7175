import { CheckResult, skipKind } from '../../core/contracts/check';

/**
 * The project's score: the weighted mean of the scores of the checks that ran. A skipped check
 * measured nothing, so it neither helps nor hurts. Where no check ran: 0 if any could not be
 * measured (never a silent 100 over what was not looked at), 100 where none applies at all (a
 * config-only package: nothing a project of its kind needs is missing).
 */
export function computeScore(results: CheckResult[]): number {
  if (results.length > 0 && results.every((r) => r.status === 'skip' && skipKind(r) === 'does not apply')) return 100;
  let weighted = 0;
  let weights = 0;
  for (const r of results) {
    if (r.status === 'skip' || r.weight <= 0) continue;
    weighted += r.score * r.weight;
    weights += r.weight;
  }
  return weights === 0 ? 0 : Math.round(weighted / weights);
}
