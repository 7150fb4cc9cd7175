/**
 * The judged audit of a project's packages: what the security-audit check and build-production's
 * report both carry (the runner that produces it is features/audit).
 */
export type AuditLevel = 'info' | 'low' | 'moderate' | 'high' | 'critical';

/** From least to most severe. */
export const AUDIT_LEVELS: readonly AuditLevel[] = ['info', 'low', 'moderate', 'high', 'critical'];

export interface AuditResult {
  status: 'pass' | 'fail' | 'unavailable';
  level: AuditLevel;
  /** Why the audit could not run, when it could not. */
  reason: string | null;
  /** Vulnerable packages among this project's external dependencies, at any level. */
  vulnerabilities: Array<{ name: string; severity: AuditLevel; direct: boolean; title: string | null }>;
  /** How many external packages the project graph attributes to this project. */
  packagesInScope: number;
}
