/** The security-audit record, in the project's results folder. */
export const AUDIT_RESULT_FILE = 'security-audit.json';
