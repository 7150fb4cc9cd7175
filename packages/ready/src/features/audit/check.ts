import { defineCheck, skip } from '../../core/contracts/check';
import { PACKAGE_MANAGER_COMMANDS, packageManagerAt } from '../../core/workspace/package-manager';
import { withoutBuild } from '../build/check';
import { AUDIT_RESULT_FILE } from './files';

/**
 * The project's packages against the registry's advisories, judged at `auditLevel`: the record the
 * security-audit target wrote beside the build, else an audit asked now. Reported with the build it
 * ships in: without a Next.js build there is nothing deployed to judge yet.
 */
export const securityAuditCheck = defineCheck(
  { id: 'security-audit', title: 'No known vulnerabilities in the app’s packages', defaultWeight: 10 },
  async (context) => {
    const missing = withoutBuild(context);
    if (missing) return missing;
    const { measureAudit } = await import('./measure');
    const audit = await measureAudit(context.workspaceRoot, context.projectGraph ?? { nodes: {}, dependencies: {} }, context.projectName, {
      auditLevel: context.options?.auditLevel,
      audit: context.options?.audit,
      auditResultPath: `${context.resultsDir}/${AUDIT_RESULT_FILE}`,
    });
    // Nothing the project did: the registry (a mirror, offline) gave no answer. Not scored; the
    // step that measures it is the registry's, named with the file that sets it.
    if (audit.status === 'unavailable') {
      return skip(
        `audit unavailable: ${audit.reason}`,
        `point the package manager at a registry that answers audits (registry= in .npmrc, or audit: false in the ready target's options to stop asking)`,
      );
    }
    const fixCommand = PACKAGE_MANAGER_COMMANDS[packageManagerAt(context.workspaceRoot).flavour].auditFix;
    return {
      status: audit.status === 'fail' ? 'fail' : audit.vulnerabilities.length > 0 ? 'warn' : 'pass',
      score: audit.status === 'fail' ? 0 : audit.vulnerabilities.length > 0 ? 80 : 100,
      metric: {
        value: audit.vulnerabilities.length,
        unit: 'vulnerable packages',
        text: `${audit.vulnerabilities.length} vulnerable of ${audit.packagesInScope} packages`,
      },
      details: audit.vulnerabilities.map((v) => ({ message: `${v.name}: ${v.severity}${v.title ? ` (${v.title})` : ''}` })),
      fix: audit.vulnerabilities.length > 0 ? `${fixCommand} (or upgrade the packages named above)` : null,
      ratchet: { 'vulnerable packages': { value: audit.vulnerabilities.length, better: 'lower' } },
    };
  },
);
