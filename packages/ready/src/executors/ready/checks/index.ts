import { backupCheck } from './backup';
import { buildCheck, bundleSizeCheck, securityAuditCheck } from './build-production';
import { codeSplittingCheck } from './code-splitting';
import { coverageCheck } from './coverage';
import { envCheck } from './env';
import { imagesCheck } from './images';
import { lintCheck } from './lint';
import { scriptsCheck } from './scripts';
import { testsCheck } from './tests';
import { typecheckCheck } from './typecheck';
import { typescriptStrictCheck } from './typescript-strict';
import { Check } from '../../../core/check';

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

export * from '../../../core/check';
