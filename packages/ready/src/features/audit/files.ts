/** The security-audit record, in the project's results folder. */
export const AUDIT_RESULT_FILE = 'security-audit.json';

/**
 * Why the audit was unavailable, in words that change from run to run (the registry's answer, a
 * timeout, when it is asked again). Beside the record, not in it: the record is an input of ready
 * and build-production, and a time or a network's whim in it would change their hash on every run.
 */
export const AUDIT_NOTE_FILE = 'security-audit.note.txt';
