/**
 * Backups proven by a restore, on the real workspace, against a real PostgreSQL (Debian's, started by
 * .ci/services.sh) and a real S3-compatible server (s3rver from the npm registry, on loopback).
 */
import { stripVTControlCharacters } from 'node:util';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { actionlintProblems } from '../../../packages/ready/src/testing/ci-linters';
import { APP, APP_ROOT, WS, readWsFile, readWsJson, resetWorkspace, run, sh, wsFileExists } from './harness';

const PG_URL = process.env.PLINTO_E2E_PG_URL;
const S3 = process.env.PLINTO_E2E_S3_ENDPOINT;
if (!PG_URL || !S3) {
  throw new Error('The backup specs need PostgreSQL and an S3-compatible server: `source .ci/services.sh` first (.ci/run does).');
}
const DB = 'shop_e2e';
const BUCKET = 'plinto-backups';
const PREFIX = 'ws-web/';
const dbUrl = (db: string) => PG_URL.replace(/\/[^/]*$/, `/${db}`);
const PASSWORD = new URL(PG_URL).password;
const CREDS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };
const ENV = { ...CREDS, SHOP_DATABASE_URL: dbUrl(DB), PG_BIN: process.env.PLINTO_E2E_PG_BIN ?? '' };
const s3 = new S3Client({
  endpoint: S3,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
});
const outputs: string[] = [];
const nx = (command: string) => {
  const r = run(`npx nx ${command}`, { env: ENV });
  outputs.push(r.output);
  return { ...r, text: stripVTControlCharacters(r.output) };
};

async function sql<T = Record<string, unknown>>(db: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: dbUrl(db) });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}
const keys = async (prefix = PREFIX) =>
  ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!).sort();
const getObject = async (key: string) =>
  Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToByteArray());
const putObject = (key: string, body: Buffer | string) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
const verifyRecord = () => readWsJson(`dist/ready/${APP_ROOT}/db-restore-verify.json`);
const backupCheck = () => {
  nx(`run ${APP}:ready --minScore=0 --checks=backup --excludeTaskDependencies`);
  return readWsJson(`dist/ready/${APP_ROOT}/ready.json`).checks.find((c: { id: string }) => c.id === 'backup');
};

describe('backups proven by a restore', () => {
  beforeAll(async () => {
    resetWorkspace();
    await sql('postgres', `DROP DATABASE IF EXISTS ${DB}`);
    await sql('postgres', `CREATE DATABASE ${DB}`);
    await sql(
      DB,
      `CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, created timestamptz NOT NULL DEFAULT '2026-01-01');
       CREATE TABLE orders (id serial PRIMARY KEY, user_id int REFERENCES users(id), total numeric(10,2), note text);
       CREATE SCHEMA billing; CREATE TABLE billing.invoices (id bigserial PRIMARY KEY, amount double precision, paid boolean);
       INSERT INTO users (email) SELECT 'u' || g || '@example.com' FROM generate_series(1, 1000) g;
       INSERT INTO orders (user_id, total, note) SELECT 1 + g % 1000, (g % 997) * 1.25, CASE WHEN g % 7 = 0 THEN NULL ELSE 'n' || g END FROM generate_series(1, 5000) g;
       INSERT INTO billing.invoices (amount, paid) SELECT g / 3.0, g % 2 = 0 FROM generate_series(1, 2500) g;`,
    );
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    // The app reads its connection URL from SHOP_DATABASE_URL and uses pg: what the generator and the check find.
    sh(
      `mkdir -p ${APP_ROOT}/app/db && printf '%s\\n' "import { Pool } from 'pg';" "export const pool = new Pool({ connectionString: process.env.SHOP_DATABASE_URL });" > ${APP_ROOT}/app/db/pool.ts`,
    );
    const pkg = readWsJson(`${APP_ROOT}/package.json`);
    pkg.dependencies = { ...pkg.dependencies, pg: '^8.0.0' };
    sh(`cat > ${APP_ROOT}/package.json <<'JSON'\n${JSON.stringify(pkg, null, 2)}\nJSON`);
    sh('git add -A && git commit -qm "app with a database"');
  });
  afterAll(async () => {
    resetWorkspace();
    await sql('postgres', `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
  });

  it('before the generator, ready says the app has a database and no backup', () => {
    const check = backupCheck();
    expect(check).toMatchObject({ status: 'fail', fix: expect.stringContaining('nx g @plinto/ready:backup --project=@ws/web') });
    expect(check.details[0].message).toContain('it depends on pg');
  });

  it('the generator: --dry-run writes nothing; then the targets, a workflow actionlint passes and the runbook; a second run changes nothing', async () => {
    const args = `--project=${APP} --bucket=${BUCKET} --endpoint=${S3} --retentionDays=30 --keepMin=7 --postgresVersion=15`;
    const dry = nx(`g @plinto/ready:backup ${args} --dry-run`);
    expect(dry.code).toBe(0);
    expect(dry.text).toContain('CREATE .github/workflows/ws-web-backup.yml');
    expect(wsFileExists('.github/workflows/ws-web-backup.yml')).toBe(false);
    const r = nx(`g @plinto/ready:backup ${args}`);
    expect(r.code).toBe(0);
    // The URL variable is the one the app reads (the env scan), not a default.
    expect(r.text).toContain('the connection URL is read from SHOP_DATABASE_URL');
    const targets = readWsJson(`${APP_ROOT}/package.json`).nx.targets;
    expect(targets['db-backup']).toMatchObject({
      executor: '@plinto/ready:db-backup',
      options: { databaseUrlEnv: 'SHOP_DATABASE_URL', bucket: BUCKET, prefix: PREFIX },
    });
    const workflow = readWsFile('.github/workflows/ws-web-backup.yml');
    expect(await actionlintProblems(workflow, '.github/workflows/ws-web-backup.yml')).toEqual([]);
    expect(workflow).toContain("cron: '0 3 * * *'");
    expect(workflow).toContain('SHOP_DATABASE_URL: ${{ secrets.SHOP_DATABASE_URL }}');
    expect(readWsFile('docs/runbooks/ws-web-restore.md')).toContain(`s3://${BUCKET}/${PREFIX}`);
    sh('git add -A && git commit -qm backup');
    nx(`g @plinto/ready:backup ${args}`);
    expect(sh('git status --porcelain')).toBe('');
  });

  it('db-backup: a compressed custom-format dump, then its manifest; the backups check warns until a restore is verified', async () => {
    const r = nx(`run ${APP}:db-backup`);
    expect(r.code).toBe(0);
    const stored = await keys();
    expect(stored).toHaveLength(2);
    const [dumpKey, manifestKey] = stored;
    expect(dumpKey).toMatch(/^ws-web\/\d{4}-\d\d-\d\dT[\d-]+Z\/database\.dump$/);
    expect(manifestKey).toBe(dumpKey.replace('database.dump', 'manifest.json'));
    const dump = await getObject(dumpKey);
    expect(dump.subarray(0, 5).toString()).toBe('PGDMP');
    const manifest = JSON.parse((await getObject(manifestKey)).toString());
    expect(manifest).toMatchObject({ database: DB, size: dump.length, serverVersion: expect.stringMatching(/^\d+\.\d+/) });
    expect(manifest.tables.map((t: { name: string; rows: number }) => [t.name, t.rows])).toEqual([
      ['billing.invoices', 2500],
      ['public.orders', 5000],
      ['public.users', 1000],
    ]);
    expect(backupCheck()).toMatchObject({ status: 'warn', metric: { text: '1 backup(s), none proven by a restore' } });
  });

  it('db-restore-verify restores the backup, not the database as it is now, into a scratch database it drops', async () => {
    await sql(DB, `DELETE FROM orders WHERE id <= 100; INSERT INTO users (email) VALUES ('late@example.com')`);
    const r = nx(`run ${APP}:db-restore-verify`);
    expect(r.code).toBe(0);
    const record = verifyRecord();
    expect(record.ok).toBe(true);
    expect(record.tables.map((t: { name: string; rows: number; ok: boolean }) => [t.name, t.rows, t.ok])).toEqual([
      ['billing.invoices', 2500, true],
      ['public.orders', 5000, true],
      ['public.users', 1000, true],
    ]);
    expect(await sql('postgres', "SELECT datname FROM pg_database WHERE datname LIKE 'ready_verify_%'")).toEqual([]);
    expect(backupCheck()).toMatchObject({ status: 'pass', fix: null });
  });

  it('fails on one changed byte of the stored dump (its checksum), and the check fails with it', async () => {
    const [dumpKey] = await keys();
    const original = await getObject(dumpKey);
    const tampered = Buffer.from(original);
    tampered[Math.floor(tampered.length / 2)] ^= 0xff;
    await putObject(dumpKey, tampered);
    try {
      const r = nx(`run ${APP}:db-restore-verify`);
      expect(r.code).not.toBe(0);
      expect(r.text).toContain('is not the dump the manifest describes');
      expect(verifyRecord().ok).toBe(false);
      const check = backupCheck();
      expect(check).toMatchObject({ status: 'fail', fix: `nx run ${APP}:db-restore-verify` });
    } finally {
      await putObject(dumpKey, original);
    }
  });

  it('fails naming the table when the manifest and the dump disagree about it', async () => {
    const [, manifestKey] = await keys();
    const original = await getObject(manifestKey);
    const manifest = JSON.parse(original.toString());
    manifest.tables.find((t: { name: string }) => t.name === 'public.orders').rows = 4999;
    await putObject(manifestKey, JSON.stringify(manifest));
    try {
      const r = nx(`run ${APP}:db-restore-verify`);
      expect(r.code).not.toBe(0);
      expect(r.text).toContain('table public.orders: 5000 rows, the manifest says 4999');
      expect(
        verifyRecord()
          .tables.filter((t: { ok: boolean }) => !t.ok)
          .map((t: { name: string }) => t.name),
      ).toEqual(['public.orders']);
    } finally {
      await putObject(manifestKey, original);
    }
  });

  it('applies retention across a sequence of days: older than 30 days goes, the newest 7 stay', async () => {
    // Forty earlier daily backups, as db-backup would have left them (the manifest says when each was taken).
    const [dumpKey, manifestKey] = await keys();
    const manifest = JSON.parse((await getObject(manifestKey)).toString());
    const dump = await getObject(dumpKey);
    for (let daysAgo = 40; daysAgo >= 1; daysAgo--) {
      const at = new Date(Date.now() - daysAgo * 86_400_000);
      const folder = `${PREFIX}${at.toISOString().replace(/[:.]/g, '-')}/`;
      await putObject(`${folder}database.dump`, dump);
      await putObject(
        `${folder}manifest.json`,
        JSON.stringify({ ...manifest, dumpKey: `${folder}database.dump`, createdAt: at.toISOString() }),
      );
    }
    expect(nx(`run ${APP}:db-backup`).code).toBe(0);
    const manifests = (await keys()).filter((k) => k.endsWith('manifest.json'));
    const ages = await Promise.all(
      manifests.map(async (k) => (Date.now() - Date.parse(JSON.parse((await getObject(k)).toString()).createdAt)) / 86_400_000),
    );
    // Kept: days 1–29 ago (29), the backup of the first spec and today's: none older than 30 days.
    expect(Math.max(...ages)).toBeLessThan(30);
    expect(manifests).toHaveLength(31);
    // No dump is left without its manifest.
    expect((await keys()).filter((k) => k.endsWith('database.dump'))).toHaveLength(31);
  });

  it('no output, record or file of the workspace holds the password', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir)) {
        if (e === 'node_modules' || e === '.git' || e === '.nx' || e === '.next') continue;
        const p = join(dir, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (statSync(p).size < 5_000_000) files.push(p);
      }
    };
    walk(WS);
    const leaks = files.filter((f) => readFileSync(f, 'latin1').includes(PASSWORD));
    expect(leaks).toEqual([]);
    expect(outputs.filter((o) => o.includes(PASSWORD))).toEqual([]);
    expect(outputs.join('\n')).toContain('postgres'); // the outputs were collected
  });
});
