import { CheckResult } from '../../core/contracts/check';

/**
 * The project's score: the weighted mean of the scores of the checks that ran. A skipped check
 * measured nothing, so it neither helps nor hurts; a project where every check skipped scores 0
 * rather than a silent 100.
 */
export function computeScore(results: CheckResult[]): number {
  let weighted = 0;
  let weights = 0;
  for (const r of results) {
    if (r.status === 'skip' || r.weight <= 0) continue;
    weighted += r.score * r.weight;
    weights += r.weight;
  }
  return weights === 0 ? 0 : Math.round(weighted / weights);
}
