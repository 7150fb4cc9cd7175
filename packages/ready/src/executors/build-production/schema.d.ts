import { AuditLevel } from '../../features/build/types';

export interface BuildProductionExecutorSchema {
  outputPath?: string;
  /** The Next.js build folder, workspace-relative; found by itself when unset. */
  nextDir?: string;
  budgets?: { firstLoadJsKb?: number; routes?: Record<string, number> };
  maxBuildSeconds?: number;
  auditLevel?: AuditLevel;
  audit?: boolean;
  deployPackage?: boolean;
}
