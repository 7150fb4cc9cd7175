/**
 * Backups proven by a restore, on the real workspace, against a real PostgreSQL (Debian's, started by
 * .ci/services.sh) and a real S3-compatible server (s3rver from the npm registry, on loopback).
 */
import { stripVTControlCharacters } from 'node:util';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actionlintProblems } from '../../../packages/ready/src/testing/ci-linters';
import {
  PG_BIN,
  SERVICES_PRESENT,
  itWithServices,
  PG_PASSWORD as PASSWORD,
  S3_CREDENTIALS,
  S3_ENDPOINT as S3,
  bucket,
  dbUrl,
  dropDatabase,
  freshDatabase,
  getObject as get,
  keys as list,
  putObject as put,
  sql,
} from './backup-services';
import { APP, APP_ROOT, WS, readWsFile, readWsJson, resetWorkspace, run, sh, writeWsFile, wsFileExists } from './harness';

const DB = 'shop_e2e';
const BUCKET = 'plinto-backups';
const PREFIX = 'ws-web/';
const ENV = { ...S3_CREDENTIALS, SHOP_DATABASE_URL: dbUrl(DB), PG_BIN };
const outputs: string[] = [];
const nx = (command: string, env: NodeJS.ProcessEnv = {}) => {
  const r = run(`npx nx ${command}`, { env: { ...ENV, ...env } });
  outputs.push(r.output);
  return { ...r, text: stripVTControlCharacters(r.output) };
};
const keys = (prefix = PREFIX) => list(BUCKET, prefix);
const getObject = (key: string) => get(BUCKET, key);
const putObject = (key: string, body: Buffer | string) => put(BUCKET, key, body);
const verifyRecord = () => readWsJson(`dist/ready/${APP_ROOT}/db-restore-verify.json`);
const backupCheck = () => {
  nx(`run ${APP}:ready --minScore=0 --checks=backup --excludeTaskDependencies`);
  return readWsJson(`dist/ready/${APP_ROOT}/ready.json`).checks.find((c: { id: string }) => c.id === 'backup');
};

describe('backups proven by a restore', () => {
  beforeAll(async () => {
    if (!SERVICES_PRESENT) return;
    resetWorkspace();
    await freshDatabase(
      DB,
      `CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, created timestamptz NOT NULL DEFAULT '2026-01-01');
       CREATE TABLE orders (id serial PRIMARY KEY, user_id int REFERENCES users(id), total numeric(10,2), note text);
       CREATE SCHEMA billing; CREATE TABLE billing.invoices (id bigserial PRIMARY KEY, amount double precision, paid boolean);
       INSERT INTO users (email) SELECT 'u' || g || '@example.com' FROM generate_series(1, 1000) g;
       INSERT INTO orders (user_id, total, note) SELECT 1 + g % 1000, (g % 997) * 1.25, CASE WHEN g % 7 = 0 THEN NULL ELSE 'n' || g END FROM generate_series(1, 5000) g;
       INSERT INTO billing.invoices (amount, paid) SELECT g / 3.0, g % 2 = 0 FROM generate_series(1, 2500) g;`,
    );
    await bucket(BUCKET);
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
    if (!SERVICES_PRESENT) return;
    resetWorkspace();
    await dropDatabase(DB);
  });

  itWithServices('before the generator, ready says the app has a database and no backup', () => {
    const check = backupCheck();
    expect(check).toMatchObject({ status: 'fail', fix: expect.stringContaining('nx g @plinto/ready:backup --project=web ') });
    expect(check.details[0].message).toContain('it depends on pg');
  });

  itWithServices(
    'the generator: --dry-run writes nothing; then the targets, a workflow actionlint passes and the runbook; a second run changes nothing',
    async () => {
      const args = `--project=${APP} --bucket=${BUCKET} --endpoint=${S3} --retentionDays=30 --keepMin=7 --postgresVersion=15`;
      const dry = nx(`g @plinto/ready:backup ${args} --dry-run`);
      expect(dry.code).toBe(0);
      expect(dry.text).toContain('CREATE .github/workflows/ws-web-backup.yml');
      expect(wsFileExists('.github/workflows/ws-web-backup.yml')).toBe(false);
      const r = nx(`g @plinto/ready:backup ${args}`);
      expect(r.code).toBe(0);
      // pg and the S3 client are optional peers of the plugin: the generator added and installed them.
      expect(readWsJson('package.json').devDependencies).toHaveProperty('@aws-sdk/client-s3');
      expect(wsFileExists('node_modules/pg/package.json') && wsFileExists('node_modules/@aws-sdk/lib-storage/package.json')).toBe(true);
      // The URL variable is the one the app reads (the env scan), not a default.
      expect(r.text).toContain('the connection URL is read from SHOP_DATABASE_URL');
      const targets = readWsJson(`${APP_ROOT}/package.json`).nx.targets;
      expect(targets['db-backup']).toMatchObject({
        executor: '@plinto/ready:db-backup',
        options: { databaseUrlEnv: 'SHOP_DATABASE_URL', bucket: BUCKET, prefix: PREFIX },
      });
      const workflow = readWsFile('.github/workflows/ws-web-backup.yml');
      expect(await actionlintProblems(workflow, '.github/workflows/ws-web-backup.yml')).toEqual([]);
      expect(parse(workflow).on.schedule).toEqual([{ cron: '0 3 * * *' }, { cron: '0 4 * * 0' }]);
      expect(workflow).toContain('SHOP_DATABASE_URL: ${{ secrets.SHOP_DATABASE_URL }}');
      expect(readWsFile('docs/runbooks/ws-web-restore.md')).toContain(`s3://${BUCKET}/${PREFIX}`);
      sh('git add -A && git commit -qm backup');
      nx(`g @plinto/ready:backup ${args}`);
      expect(sh('git status --porcelain')).toBe('');
    },
  );

  itWithServices(
    'db-backup: a compressed custom-format dump, then its manifest; the backups check warns until a restore is verified',
    async () => {
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
    },
  );

  itWithServices('db-restore-verify restores the backup, not the database as it is now, into a scratch database it drops', async () => {
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
    // The dashboard has the check in its matrix, passing for the app.
    expect(readWsFile('dist/ready/index.html')).toContain('title="backup: pass"');
  });

  itWithServices("--restoreUrlEnv restores on another server (the CI job's throwaway one), never connecting to the app's database", () => {
    const r = nx(`run ${APP}:db-restore-verify --restoreUrlEnv=RESTORE_DATABASE_URL`, {
      SHOP_DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/unreachable',
      RESTORE_DATABASE_URL: dbUrl('postgres'),
    });
    expect(r.code).toBe(0);
    expect(verifyRecord()).toMatchObject({ ok: true });
  });

  itWithServices('fails on one changed byte of the stored dump (its checksum), and the check fails with it', async () => {
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

  itWithServices('fails naming the table when the manifest and the dump disagree about it', async () => {
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

  itWithServices('fails on a truncated dump and on a backup that is not there, saying which', async () => {
    const [dumpKey] = await keys();
    const original = await getObject(dumpKey);
    await putObject(dumpKey, original.subarray(0, Math.floor(original.length / 2)));
    try {
      const r = nx(`run ${APP}:db-restore-verify`);
      expect(r.code).not.toBe(0);
      expect(r.text).toContain(`${Math.floor(original.length / 2)} bytes`);
      expect(r.text).toContain('the dump was changed or truncated');
    } finally {
      await putObject(dumpKey, original);
    }
    const missing = nx(`run ${APP}:db-restore-verify --backup=${PREFIX}1999-01-01T00-00-00-000Z/`);
    expect(missing.code).not.toBe(0);
    expect(missing.text).toContain(`No backup at ${PREFIX}1999-01-01T00-00-00-000Z/manifest.json`);
  });

  itWithServices(
    'runs the SQL assertions of the options on the restored data: one that holds passes, one that does not fails by name',
    () => {
      const pkg = readWsJson(`${APP_ROOT}/package.json`);
      const original = JSON.stringify(pkg, null, 2);
      pkg.nx.targets['db-restore-verify'].options.assertions = [
        { name: 'every order has a user', sql: 'SELECT count(*) = 0 FROM orders WHERE user_id IS NULL' },
        { name: 'ten thousand users', sql: 'SELECT count(*) >= 10000 FROM users' },
      ];
      writeWsFile(`${APP_ROOT}/package.json`, JSON.stringify(pkg, null, 2));
      try {
        const r = nx(`run ${APP}:db-restore-verify`);
        expect(r.code).not.toBe(0);
        expect(verifyRecord().assertions).toEqual([
          { name: 'every order has a user', ok: true },
          expect.objectContaining({ name: 'ten thousand users', ok: false }),
        ]);
        expect(r.text).toContain('assertion "ten thousand users" returned false, not true');
      } finally {
        writeWsFile(`${APP_ROOT}/package.json`, original);
      }
      // Back to a verified restore for what follows.
      expect(nx(`run ${APP}:db-restore-verify`).code).toBe(0);
    },
  );

  itWithServices('applies retention across a sequence of days: older than 30 days goes, the newest 7 stay', async () => {
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

  itWithServices('no output, record or file of the workspace holds the password', () => {
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
    expect(outputs.join('\n')).toContain('on PostgreSQL'); // the outputs of db-backup were collected
  });
});
