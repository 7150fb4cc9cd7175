// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { executorProject } from '../../core/nx/executor-project';
import { refuseUnknownOptions } from '../../core/nx/known-options';
import { ExecutorContext, logger } from '@nx/devkit';
import { resultsDirFor } from '../../core/contracts/results';
import { readConnection } from '../../features/backup/connection';
import { VERIFY_RESULT_FILE } from '../../features/backup/files';
import { BackupStorage } from '../../features/backup/storage';
import { runRestoreVerify } from '../../features/backup/verify';
import { isReadyError } from '../../utils/errors';
import { writeFilesAtomically } from '../../utils/write-files';
import { DbRestoreVerifyExecutorSchema } from './schema';

/** `nx run <app>:db-restore-verify [--backup=<key>]`: restore a backup into a scratch database and check it against its manifest. */
export default async function dbRestoreVerifyExecutor(
  options: DbRestoreVerifyExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const refused = refuseUnknownOptions(options, context);
  if (refused) return refused;
  const { root } = executorProject(context);
  try {
    // The server the backup is restored on: a throwaway one when restoreUrlEnv names it (the CI workflow's service container).
    const connection = readConnection(options.restoreUrlEnv ?? options.databaseUrlEnv ?? 'DATABASE_URL');
    const storage = await BackupStorage.fromOptions(options);
    const record = await runRestoreVerify(connection, storage, { backupKey: options.backup, assertions: options.assertions }, (line) =>
      logger.info(line),
    );
    const path = `${resultsDirFor(root, options.outputPath)}/${VERIFY_RESULT_FILE}`;
    writeFilesAtomically(context.root, { [path]: JSON.stringify(record, null, 2) + '\n' });
    if (record.ok) logger.info(`restore verified: ${record.backupKey}, ${record.tables.length} table(s) as the manifest says (${path})`);
    else for (const m of record.mismatches) logger.error(`restore verification failed: ${m}`);
    return { success: record.ok };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(error.message);
    return { success: false };
  }
}
