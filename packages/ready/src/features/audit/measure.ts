import { ProjectGraph } from '@nx/devkit';
import { AuditLevel, AuditResult } from '../../core/contracts/audit';
import { DEFAULTS } from '../../core/contracts/defaults';
import { auditProject, judgeAudit, readRecordedAudit } from './audit';

export interface AuditMeasureOptions {
  auditLevel?: AuditLevel;
  audit?: boolean;
  /** Workspace-relative path of the record the `security-audit` target wrote, reused when fresh. */
  auditResultPath?: string;
}

/**
 * The project's audit judged at its level: the security-audit target's record when it is of the
 * current lockfile and fresh, else the package manager asked now (in a child process, so callers
 * measure the build meanwhile and await it afterwards).
 */
export async function measureAudit(
  workspaceRoot: string,
  graph: ProjectGraph,
  projectName: string,
  options: AuditMeasureOptions,
): Promise<AuditResult> {
  const level = options.auditLevel ?? DEFAULTS.auditLevel;
  if (options.audit === false) {
    return { status: 'unavailable', level, reason: 'turned off (audit: false)', vulnerabilities: [], packagesInScope: 0 };
  }
  const recorded = options.auditResultPath ? readRecordedAudit(workspaceRoot, options.auditResultPath) : null;
  return judgeAudit(recorded ?? (await auditProject(workspaceRoot, graph, projectName)), level);
}
