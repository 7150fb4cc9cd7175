import { buildCheck, bundleSizeCheck, securityAuditCheck } from './build-production';
import { coverageCheck } from './coverage';
import { imagesCheck } from './images';
import { typescriptStrictCheck } from './typescript-strict';
import { Check } from './types';

/** Every check `ready` knows, in report order. A new check is one file and one line here. */
export const CHECKS: readonly Check[] = [typescriptStrictCheck, imagesCheck, coverageCheck, bundleSizeCheck, securityAuditCheck, buildCheck];

export * from './types';
