import { AuditMeasureOptions } from '../../features/audit/measure';
import { BuildProductionOptions } from '../../features/build/build-production';

/** `outputPath`, `nextDir` (the Next.js build folder, found by itself when unset), budgets, audit, deployPackage. */
export type BuildProductionExecutorSchema = BuildProductionOptions & Omit<AuditMeasureOptions, 'auditResultPath'>;
