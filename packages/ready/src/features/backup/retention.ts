import { MANIFEST_OBJECT, VERIFICATIONS_FOLDER } from './files';
import type { StoredObject } from './storage';

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

/** How long a folder without a manifest may stay: a backup still uploading has one within this time. */
const UNFINISHED_GRACE_MS = 24 * 60 * 60 * 1000;

/** Folders under the prefix with objects but no manifest, none of them touched within the grace time. */
export function unfinishedFolders(prefix: string, objects: readonly StoredObject[], now: Date): string[] {
  const folders = new Map<string, StoredObject[]>();
  for (const o of objects) {
    const rest = o.key.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (!o.key.startsWith(prefix) || slash < 0) continue;
    const folder = `${prefix}${rest.slice(0, slash + 1)}`;
    if (folder === `${prefix}${VERIFICATIONS_FOLDER}`) continue;
    folders.set(folder, [...(folders.get(folder) ?? []), o]);
  }
  return [...folders]
    .filter(
      ([folder, list]) =>
        !list.some((o) => o.key === `${folder}${MANIFEST_OBJECT}`) &&
        list.every((o) => o.lastModified !== null && now.getTime() - o.lastModified.getTime() > UNFINISHED_GRACE_MS),
    )
    .map(([folder]) => folder);
}
