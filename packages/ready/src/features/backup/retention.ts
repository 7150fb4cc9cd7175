/** A stored backup, as retention sees it: its folder and when it was taken. */
export interface StoredBackup {
  /** The folder (key prefix) of the backup: its dump and manifest are under it. */
  key: string;
  createdAt: Date;
}

export interface RetentionPolicy {
  /** Backups older than this many days may go… */
  retentionDays: number;
  /** …but the newest `keepMin` always stay, whatever their age. */
  keepMin: number;
}

/**
 * The backups retention deletes: older than `retentionDays` and not among the newest `keepMin`.
 * The newest backup is never deleted, even with keepMin 0.
 */
export function expiredBackups(backups: readonly StoredBackup[], policy: RetentionPolicy, now: Date): StoredBackup[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.key.localeCompare(a.key));
  const keep = Math.max(1, policy.keepMin);
  const cutoff = now.getTime() - policy.retentionDays * 24 * 60 * 60 * 1000;
  return newestFirst.slice(keep).filter((b) => b.createdAt.getTime() < cutoff);
}
