import { backupCheck } from '../../features/backup/check';
import { securityAuditCheck } from '../../features/audit/check';
import { buildCheck, bundleSizeCheck } from '../../features/build/check';
import { codeSplittingCheck } from '../../features/code-splitting/check';
import { coverageCheck } from '../../features/coverage/check';
import { envCheck } from '../../features/env/check';
import { imagesCheck } from '../../features/images/check';
import { lintCheck } from '../../features/lint/check';
import { scriptsCheck } from '../../features/ci/check';
import { SMOKE_CHECK_IDS, securityHeadersCheck, smokeCheck } from '../../features/smoke/check';
import { testsCheck } from '../../features/coverage/tests-check';
import { typecheckCheck } from '../../features/typecheck/check';
import { typescriptStrictCheck } from '../../features/strict/check';
import { Check, CheckOptions } from '../../core/contracts/check';

/** Every check `ready` knows, in report order. A new check is one file and one line here. */
export const CHECKS: readonly Check[] = [
  typescriptStrictCheck,
  typecheckCheck,
  lintCheck,
  testsCheck,
  coverageCheck,
  imagesCheck,
  envCheck,
  codeSplittingCheck,
  bundleSizeCheck,
  securityAuditCheck,
  buildCheck,
  scriptsCheck,
  smokeCheck,
  securityHeadersCheck,
  backupCheck,
];

/**
 * The checks a run of ready has: all of them, but those that read the smoke record only when ready
 * depends on it (readyRunsSmoke) or the `checks` option names them. Off, the report does not count
 * checks it was never set up to measure.
 */
export function checksFor(options: CheckOptions & { checks?: string[] }): readonly Check[] {
  if (options.smokeRecorded || options.checks) return CHECKS;
  return CHECKS.filter((c) => !(SMOKE_CHECK_IDS as readonly string[]).includes(c.id));
}

export * from '../../core/contracts/check';
