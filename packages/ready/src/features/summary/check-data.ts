import type { CheckResult } from '../../core/contracts/check';
import type { BundleSizeData } from '../build/check';
import type { CoverageData } from '../coverage/check';

/** The data of the checks the summary and dashboard draw, by check id: the types their checks export. */
export interface CheckDataById {
  'bundle-size': BundleSizeData;
  coverage: CoverageData;
}

/** A check result whose data has the type its id says (a discriminated union by id). */
export type KnownCheckResult = { [K in keyof CheckDataById]: CheckResult<CheckDataById[K]> & { id: K } }[keyof CheckDataById];

/** The data of check `id` among a report's checks, typed by the check that wrote it. */
export function checkData<K extends keyof CheckDataById>(checks: readonly CheckResult[], id: K): CheckDataById[K] | undefined {
  const found = checks.find((c) => c.id === id) as Extract<KnownCheckResult, { id: K }> | undefined;
  return found?.data as CheckDataById[K] | undefined;
}
