import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PgConnection } from './connection';
import { DUMP_OBJECT, MANIFEST_OBJECT } from './files';
import { BackupManifest, parseManifest } from './manifest';
import { connect, findPgTool, runPgTool, serverVersion, tableFigures } from './pg';
import { expiredBackups, RetentionPolicy, StoredBackup, unfinishedFolders } from './retention';
import { BackupStorage } from './storage';

export interface BackupOutcome {
  manifestKey: string;
  manifest: BackupManifest;
  /** Backup folders retention deleted. */
  deleted: string[];
}

/** `2026-11-28T09-05-03-123Z`: sortable, and legal in every object store's keys. */
export function backupStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/**
 * One backup: the table figures and `pg_dump` (custom format, compressed) in one snapshot, the dump
 * uploaded, then its manifest (database, versions, time, size, sha256, tables): a failure before the
 * manifest leaves nothing that reads as a backup. Then retention.
 */
export async function runBackup(
  connection: PgConnection,
  storage: BackupStorage,
  policy: RetentionPolicy,
  log: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<BackupOutcome> {
  const client = await connect(connection);
  const scratch = mkdtempSync(join(tmpdir(), 'plinto-ready-backup-'));
  try {
    const server = await serverVersion(client);
    const pgDump = findPgTool('pg_dump', server.major, server.version);
    // One snapshot for the figures and the dump: what the manifest says is what the dump holds.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const createdAt = now();
    const tables = await tableFigures(client);
    log(
      `${connection.database} on PostgreSQL ${server.version}: ${tables.length} table(s), ${tables.reduce((n, t) => n + t.rows, 0)} row(s)`,
    );
    const file = join(scratch, DUMP_OBJECT);
    await runPgTool(
      pgDump,
      ['--format=custom', '--compress=6', '--verbose', `--snapshot=${rows[0].snapshot}`, `--file=${file}`],
      connection,
      connection.database,
      (line) => {
        if (/dumping contents of table/.test(line)) log(`  ${line}`);
      },
    );
    await client.query('COMMIT');
    const size = statSync(file).size;
    const hash = createHash('sha256');
    await pipeline(createReadStream(file), hash);
    const folder = `${storage.settings.prefix}${backupStamp(createdAt)}/`;
    const manifest: BackupManifest = {
      version: 1,
      dumpKey: `${folder}${DUMP_OBJECT}`,
      database: connection.database,
      serverVersion: server.version,
      clientVersion: pgDump.version,
      createdAt: createdAt.toISOString(),
      size,
      sha256: hash.digest('hex'),
      tables,
    };
    let last = 0;
    await storage.putFile(manifest.dumpKey, file, (sent) => {
      if (sent - last >= 8 * 1024 * 1024 || sent === size) {
        log(`  uploaded ${(sent / 1024 / 1024).toFixed(1)} of ${(size / 1024 / 1024).toFixed(1)} MB`);
        last = sent;
      }
    });
    const manifestKey = `${folder}${MANIFEST_OBJECT}`;
    try {
      await storage.putText(manifestKey, JSON.stringify(manifest, null, 2) + '\n');
    } catch (error) {
      // Without its manifest the dump is not a backup: take it away too (retention does, if this cannot).
      await storage.delete([manifest.dumpKey]).catch(() => undefined);
      throw error;
    }
    log(`backup ${folder} (${(size / 1024).toFixed(0)} kB, sha256 ${manifest.sha256.slice(0, 12)}…) in ${storage.where}`);
    const deleted = await applyRetention(storage, policy, now());
    return { manifestKey, manifest, deleted };
  } finally {
    await client.end().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Every complete backup under the prefix (a folder with a readable manifest), newest first. */
export async function listBackups(
  storage: BackupStorage,
): Promise<Array<StoredBackup & { manifestKey: string; manifest: BackupManifest }>> {
  const objects = await storage.list();
  const found: Array<StoredBackup & { manifestKey: string; manifest: BackupManifest }> = [];
  for (const o of objects.filter((x) => x.key.endsWith(`/${MANIFEST_OBJECT}`))) {
    const text = await storage.getText(o.key);
    const parsed = text === null ? null : parseManifest(text);
    if (!parsed || !('manifest' in parsed)) continue;
    found.push({
      key: o.key.slice(0, -MANIFEST_OBJECT.length),
      createdAt: new Date(parsed.manifest.createdAt),
      manifestKey: o.key,
      manifest: parsed.manifest,
    });
  }
  return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.key.localeCompare(a.key));
}

/**
 * Deletes the backups retention lets go (the manifest first: the backup stops being one, then the
 * rest of its folder), and the folders an interrupted run left without a manifest once they are a
 * day old. Returns the folders deleted.
 */
export async function applyRetention(storage: BackupStorage, policy: RetentionPolicy, now: Date): Promise<string[]> {
  const backups = await listBackups(storage);
  const expired = expiredBackups(backups, policy, now);
  const objects = await storage.list();
  for (const b of expired) {
    await storage.delete([`${b.key}${MANIFEST_OBJECT}`]);
    await storage.delete(objects.map((o) => o.key).filter((k) => k.startsWith(b.key) && !k.endsWith(MANIFEST_OBJECT)));
  }
  const unfinished = unfinishedFolders(storage.settings.prefix, objects, now);
  for (const folder of unfinished) await storage.delete(objects.map((o) => o.key).filter((k) => k.startsWith(folder)));
  return [...expired.map((b) => b.key), ...unfinished];
}
