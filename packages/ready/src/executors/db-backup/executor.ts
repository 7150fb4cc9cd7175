// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { refuseUnknownOptions } from '../../core/nx/known-options';
import { ExecutorContext, logger } from '@nx/devkit';
import { readConnection } from '../../features/backup/connection';
import { runBackup } from '../../features/backup/backup';
import { BackupStorage } from '../../features/backup/storage';
import { isReadyError } from '../../utils/errors';
import { DbBackupExecutorSchema } from './schema';

/** `nx run <app>:db-backup`: one backup of the project's database, then retention. */
export default async function dbBackupExecutor(options: DbBackupExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const refused = refuseUnknownOptions(options, context);
  if (refused) return refused;
  try {
    const connection = readConnection(options.databaseUrlEnv ?? 'DATABASE_URL');
    const storage = await BackupStorage.fromOptions(options);
    const policy = { retentionDays: options.retentionDays ?? 30, keepMin: options.keepMin ?? 7 };
    const outcome = await runBackup(connection, storage, policy, (line) => logger.info(line));
    logger.info(
      outcome.deleted.length > 0
        ? `retention (${policy.retentionDays} days, at least ${policy.keepMin} kept): deleted ${outcome.deleted.join(', ')}`
        : 'retention: nothing to delete',
    );
    return { success: true };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(error.message);
    return { success: false };
  }
}
