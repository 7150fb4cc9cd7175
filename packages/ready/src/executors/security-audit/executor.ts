// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { executorProject } from '../../core/nx/executor-project';
import { refuseUnknownOptions } from '../../core/nx/known-options';
import { ExecutorContext, logger } from '@nx/devkit';
import { resultsDirFor } from '../../core/contracts/results';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { auditProject, describeAudit, recordText } from '../../features/audit/audit';
import { AUDIT_NOTE_FILE, AUDIT_RESULT_FILE } from '../../features/audit/files';
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
  const refused = refuseUnknownOptions(options, context);
  if (refused) return refused;
  const { name: projectName, root } = executorProject(context);
  const stored = await auditProject(context.root, context.projectGraph, projectName);
  const dir = resultsDirFor(root, options.outputPath);
  const path = `${dir}/${AUDIT_RESULT_FILE}`;
  // The record holds nothing that changes from run to run; what the registry said goes beside it.
  writeFilesAtomically(context.root, {
    [path]: recordText(stored),
    ...(stored.detail ? { [`${dir}/${AUDIT_NOTE_FILE}`]: stored.detail + '\n' } : {}),
  });
  if (!stored.detail) rmSync(join(context.root, dir, AUDIT_NOTE_FILE), { force: true });
  logger.info(describeAudit(stored) + ` (${path})`);
  return { success: true };
}
