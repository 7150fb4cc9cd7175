import { ExecutorContext, logger } from '@nx/devkit';
import { resultsDirFor } from '../../core/results';
import { auditProject, describeAudit } from '../../features/audit/audit';
import { AUDIT_RESULT_FILE } from '../../features/audit/files';
import { writeFilesAtomically } from '../../utils/write-files';
import { SecurityAuditExecutorSchema } from './schema';

/**
 * Records the project's part of the package manager's audit. Inferred beside `build` (neither
 * depends on the other), so Nx runs the two at once and build-production, which depends on both,
 * finds the audit done when the build ends. It records and never fails on what it finds:
 * build-production and ready judge the record against their `auditLevel`.
 */
export default async function securityAuditExecutor(
  options: SecurityAuditExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const projectName = context.projectName!;
  const root = context.projectsConfigurations.projects[projectName].root;
  const stored = await auditProject(context.root, context.projectGraph, projectName);
  const path = `${resultsDirFor(root, options.outputPath)}/${AUDIT_RESULT_FILE}`;
  writeFilesAtomically(context.root, { [path]: JSON.stringify(stored, null, 2) + '\n' });
  logger.info(describeAudit(stored) + ` (${path})`);
  return { success: true };
}
