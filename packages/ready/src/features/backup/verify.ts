import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadyError, firstLine, isReadyError } from '../../utils/errors';
import { listBackups } from './backup';
import { PgConnection, scrub } from './connection';
import { LATEST_VERIFICATION_OBJECT } from './files';
import { TableCheck, compareTables, parseManifest } from './manifest';
import { connect, findPgTool, quoteIdent, runPgTool, serverVersion, tableFigures } from './pg';
import { BackupStorage } from './storage';

export interface SqlAssertion {
  name: string;
  /** A query whose first row's first column must be true. */
  sql: string;
}

/** What db-restore-verify writes (dist/ready/<projectRoot>/db-restore-verify.json) and keeps in storage. */
export interface VerifyRecord {
  ok: boolean;
  backupKey: string;
  /** When the backup was taken, and its age when it was restored. */
  backupCreatedAt: string | null;
  ageHours: number | null;
  verifiedAt: string;
  durationMs: number;
  tables: TableCheck[];
  /** One sentence per failure: the table and how it differs, a checksum, an assertion. */
  mismatches: string[];
  assertions: Array<{ name: string; ok: boolean; detail?: string }>;
}

/**
 * Proves a backup restores: downloads the newest one (or `backupKey`), checks its sha256 and size,
 * restores it into a scratch database it creates and always drops, and recomputes every table's
 * rows and checksum against the manifest, then runs the assertions. The record goes to storage
 * (where the ready check of any machine reads it) and is returned for the results folder.
 */
export async function runRestoreVerify(
  connection: PgConnection,
  storage: BackupStorage,
  options: { backupKey?: string; assertions?: SqlAssertion[] },
  log: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<VerifyRecord> {
  const started = now();
  const record: VerifyRecord = {
    ok: false,
    backupKey: options.backupKey ?? '',
    backupCreatedAt: null,
    ageHours: null,
    verifiedAt: started.toISOString(),
    durationMs: 0,
    tables: [],
    mismatches: [],
    assertions: [],
  };
  const scratchDir = mkdtempSync(join(tmpdir(), 'plinto-ready-verify-'));
  try {
    await verifyInto(record, connection, storage, options, scratchDir, log);
  } catch (error) {
    if (!isReadyError(error)) throw error;
    record.mismatches.push(scrub(error.message, connection));
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
  record.ok = record.mismatches.length === 0;
  record.durationMs = now().getTime() - started.getTime();
  const text = JSON.stringify(record, null, 2) + '\n';
  await storage.putText(`${storage.settings.prefix}${LATEST_VERIFICATION_OBJECT}`, text);
  await storage.putText(`${storage.settings.prefix}verifications/${record.verifiedAt.replace(/[:.]/g, '-')}.json`, text);
  return record;
}

async function verifyInto(
  record: VerifyRecord,
  connection: PgConnection,
  storage: BackupStorage,
  options: { backupKey?: string; assertions?: SqlAssertion[] },
  scratchDir: string,
  log: (line: string) => void,
): Promise<void> {
  const manifestKey = options.backupKey ? manifestKeyOf(options.backupKey) : (await listBackups(storage))[0]?.manifestKey;
  if (!manifestKey) throw new ReadyError(`No backup in ${storage.where}: run db-backup first.`);
  const manifestText = await storage.getText(manifestKey);
  if (manifestText === null) throw new ReadyError(`No backup at ${manifestKey} (no manifest): name a backup folder that db-backup wrote.`);
  const parsed = parseManifest(manifestText);
  if (!('manifest' in parsed)) throw new ReadyError(`${manifestKey}: ${parsed.problem}.`);
  const { manifest } = parsed;
  record.backupKey = manifestKey.replace(/manifest\.json$/, '');
  record.backupCreatedAt = manifest.createdAt;
  record.ageHours = Math.round(((Date.parse(record.verifiedAt) - Date.parse(manifest.createdAt)) / 3_600_000) * 10) / 10;
  log(`verifying ${record.backupKey} (taken ${manifest.createdAt}, ${manifest.tables.length} table(s))`);
  const file = join(scratchDir, 'database.dump');
  const got = await storage.getFile(manifest.dumpKey, file);
  if (got.size !== manifest.size || got.sha256 !== manifest.sha256) {
    throw new ReadyError(
      `${manifest.dumpKey} is not the dump the manifest describes: ${got.size} bytes with sha256 ${got.sha256.slice(0, 12)}…, the manifest says ${manifest.size} bytes with sha256 ${manifest.sha256.slice(0, 12)}… (the dump was changed or truncated)`,
    );
  }
  const admin = await connect(connection);
  const scratch = `ready_verify_${randomBytes(6).toString('hex')}`;
  let created = false;
  try {
    const server = await serverVersion(admin);
    const pgRestore = findPgTool('pg_restore', server.major, server.version);
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(scratch)}`);
      created = true;
    } catch (error) {
      throw new ReadyError(
        `Cannot create the scratch database ${scratch}: ${firstLine(error)} (the user of the connection needs CREATEDB).`,
      );
    }
    await runPgTool(pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${scratch}`, file], connection, scratch);
    const restored = await connect(connection, scratch);
    try {
      record.tables = compareTables(manifest.tables, await tableFigures(restored));
      for (const t of record.tables.filter((x) => !x.ok)) record.mismatches.push(`table ${t.name}: ${t.reason}`);
      for (const a of options.assertions ?? []) {
        try {
          const { rows } = await restored.query(a.sql);
          const value = rows[0] ? Object.values(rows[0])[0] : undefined;
          const ok = value === true || value === 't';
          record.assertions.push({ name: a.name, ok, ...(ok ? {} : { detail: `returned ${JSON.stringify(value ?? null)}, not true` }) });
          if (!ok) record.mismatches.push(`assertion "${a.name}" returned ${JSON.stringify(value ?? null)}, not true`);
        } catch (error) {
          record.assertions.push({ name: a.name, ok: false, detail: firstLine(error) });
          record.mismatches.push(`assertion "${a.name}" failed: ${firstLine(error)}`);
        }
      }
    } finally {
      await restored.end().catch(() => undefined);
    }
    log(`restored into ${scratch}: ${record.tables.filter((t) => t.ok).length} of ${record.tables.length} table(s) as the manifest says`);
  } finally {
    if (created) {
      // Every connection to it is closed by now; FORCE (PostgreSQL 13+) only for one a failed restore left.
      await admin
        .query(`DROP DATABASE IF EXISTS ${quoteIdent(scratch)}`)
        .catch(() => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(scratch)} WITH (FORCE)`))
        .catch(() => undefined);
    }
    await admin.end().catch(() => undefined);
  }
}

/** A backup named by its folder (`app/2026-…/`) or by its manifest's key. */
function manifestKeyOf(backupKey: string): string {
  return backupKey.endsWith('manifest.json') ? backupKey : `${backupKey.replace(/\/?$/, '/')}manifest.json`;
}
