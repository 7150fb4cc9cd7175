/** The verification record, in the project's results folder (dist/ready/<projectRoot>). */
export const VERIFY_RESULT_FILE = 'db-restore-verify.json';

/** Object names under the storage prefix: one folder per backup, the manifest written last. */
export const DUMP_OBJECT = 'database.dump';
export const MANIFEST_OBJECT = 'manifest.json';
/** The newest verification record, in storage, where the ready check of any machine reads it. */
export const VERIFICATIONS_FOLDER = 'verifications/';
export const LATEST_VERIFICATION_OBJECT = `${VERIFICATIONS_FOLDER}latest.json`;

/** Targets the backup generator adds. */
export const BACKUP_TARGET = 'db-backup';
export const VERIFY_TARGET = 'db-restore-verify';

/** The first line of every file the backup generator writes: a file without it is the team's, never overwritten. */
export const BACKUP_MARKER = '# Written by `nx g @plinto/ready:backup` (@plinto/ready).';
export const RUNBOOK_MARKER = '<!-- Written by `nx g @plinto/ready:backup` (@plinto/ready). -->';
