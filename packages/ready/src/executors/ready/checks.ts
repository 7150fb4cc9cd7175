import { backupCheck } from '../../features/backup/check';
import { securityAuditCheck } from '../../features/audit/check';
import { buildCheck, bundleSizeCheck } from '../../features/build/check';
import { codeSplittingCheck } from '../../features/code-splitting/check';
import { coverageCheck } from '../../features/coverage/check';
import { envCheck } from '../../features/env/check';
import { imagesCheck } from '../../features/images/check';
import { lintCheck } from '../../features/lint/check';
import { scriptsCheck } from '../../features/ci/check';
import { testsCheck } from '../../features/coverage/tests-check';
import { typecheckCheck } from '../../features/typecheck/check';
import { typescriptStrictCheck } from '../../features/strict/check';
import { Check } from '../../core/contracts/check';

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
  backupCheck,
];

export * from '../../core/contracts/check';
