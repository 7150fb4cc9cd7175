/**
 * The real servers the backup specs use, started by .ci/services.sh (which .ci/run sources):
 * Debian's PostgreSQL and s3rver, both on loopback. Helpers to seed a database and a bucket.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { itNeeds } from './harness';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const PG_URL = process.env.PLINTO_E2E_PG_URL;
const S3 = process.env.PLINTO_E2E_S3_ENDPOINT;
/** `it` for the tests that use both servers (see itNeeds: without them, failing with the fix, or skipped with one line). */
export const SERVICES_PRESENT = !!PG_URL && !!S3;
export const itWithServices = itNeeds('PostgreSQL and an S3-compatible server', SERVICES_PRESENT);
export const S3_ENDPOINT = S3 ?? '';
/** The URL of a database of the e2e server (its password is made per run by .ci/services.sh). */
export const dbUrl = (db: string) => (PG_URL ?? '').replace(/\/[^/?]*(\?.*)?$/, `/${db}`);
export const PG_PASSWORD = PG_URL ? new URL(PG_URL).password : '';
/** s3rver's fixed credentials, in the AWS SDK's usual variables. */
export const S3_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };
export const PG_BIN = process.env.PLINTO_E2E_PG_BIN ?? '';

export const s3 = new S3Client({
  endpoint: S3,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
});

export async function sql<T = Record<string, unknown>>(db: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: dbUrl(db) });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A fresh database `name` (dropped first if an earlier run left it), with `schema` run in it. */
export async function freshDatabase(name: string, schema: string): Promise<void> {
  await sql('postgres', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sql('postgres', `CREATE DATABASE ${name}`);
  await sql(name, schema);
}

export const dropDatabase = (name: string) => sql('postgres', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);

/** Creates the bucket (s3rver keeps it for the run). */
export async function bucket(name: string): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: name })).catch((error: { name?: string }) => {
    if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
  });
}

export const keys = async (bucketName: string, prefix: string) =>
  ((await s3.send(new ListObjectsV2Command({ Bucket: bucketName, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!).sort();
export const getObject = async (bucketName: string, key: string) =>
  Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucketName, Key: key }))).Body!.transformToByteArray());
export const putObject = (bucketName: string, key: string, body: Buffer | string) =>
  s3.send(new PutObjectCommand({ Bucket: bucketName, Key: key, Body: body }));

export interface ShapeRun {
  generator: { code: number; output: string };
  install: { code: number; output: string };
  workflow: string;
  backup: { code: number; output: string };
  verify: { code: number; output: string };
  record: { ok: boolean; tables: Array<{ name: string; rows: number; ok: boolean }> };
  check: { status: string; metric: { text: string } };
  outputs: string[];
}

/**
 * The backup round trip on one workspace of the matrix, run as its users run it (its package
 * manager's exec, its own install): the generator, the install of the packages it added, db-backup
 * of a fresh database, db-restore-verify, and ready's backup check.
 */
export async function backupOnShape(o: {
  ws: string;
  /** How the workspace runs Nx: `pnpm exec nx`, `yarn nx`, `npx nx`. */
  nx: string;
  /** Its install command after package.json changed. */
  install: string;
  project: { project: string; root: string };
  db: string;
  sh: (command: string, cwd: string) => { code: number; output: string };
}): Promise<ShapeRun> {
  const slug = o.project.project.replace(/^@/, '').replace(/\//g, '-');
  const bucketName = `plinto-${o.db.replace(/_/g, '-')}`;
  await freshDatabase(
    o.db,
    "CREATE TABLE items (id serial PRIMARY KEY, name text); INSERT INTO items (name) SELECT 'i' || g FROM generate_series(1, 2000) g;",
  );
  await bucket(bucketName);
  const major = /(\d+)\/bin\/?$/.exec(PG_BIN)?.[1] ?? '16';
  // The servers' settings as the CI job's environment would give them (the password only in the environment).
  const env = `AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER PG_BIN=${PG_BIN} DATABASE_URL='${dbUrl(o.db)}'`;
  const outputs: string[] = [];
  const sh = (command: string) => {
    const r = o.sh(command, o.ws);
    outputs.push(r.output);
    return r;
  };
  try {
    const generator = sh(
      `${o.nx} g @plinto/ready:backup --project=${o.project.project} --bucket=${bucketName} --endpoint=${S3} --postgresVersion=${major} --skipInstall`,
    );
    const install = sh(o.install);
    const workflow = readFileSync(join(o.ws, `.github/workflows/${slug}-backup.yml`), 'utf8');
    const backup = sh(`${env} ${o.nx} run ${o.project.project}:db-backup`);
    const verify = sh(`${env} ${o.nx} run ${o.project.project}:db-restore-verify`);
    const record = JSON.parse(readFileSync(join(o.ws, 'dist/ready', o.project.root, 'db-restore-verify.json'), 'utf8'));
    sh(`${env} ${o.nx} run ${o.project.project}:ready --checks=backup --minScore=0 --excludeTaskDependencies`);
    const report = JSON.parse(readFileSync(join(o.ws, 'dist/ready', o.project.root, 'ready.json'), 'utf8'));
    const check = report.checks.find((c: { id: string }) => c.id === 'backup');
    return { generator, install, workflow, backup, verify, record, check, outputs };
  } finally {
    await dropDatabase(o.db);
  }
}

/** What every shape must show: a workflow actionlint passes with the workspace's install, a backup, a verified restore, a passing check, no password. */
export async function expectBackupRoundTrip(r: ShapeRun, installInWorkflow: string): Promise<void> {
  const { actionlintProblems } = await import('../../../packages/ready/src/testing/ci-linters');
  expect({ generator: r.generator.code, install: r.install.code }).toEqual({ generator: 0, install: 0 });
  expect(await actionlintProblems(r.workflow, 'backup.yml')).toEqual([]);
  expect(r.workflow).toContain(installInWorkflow);
  expect({ code: r.backup.code, tail: r.backup.code === 0 ? '' : r.backup.output.slice(-1500) }).toEqual({ code: 0, tail: '' });
  expect({ code: r.verify.code, tail: r.verify.code === 0 ? '' : r.verify.output.slice(-1500) }).toEqual({ code: 0, tail: '' });
  expect(r.record).toMatchObject({ ok: true, tables: [{ name: 'public.items', rows: 2000, ok: true }] });
  expect(r.check).toMatchObject({ status: 'pass' });
  expect(r.outputs.filter((o) => o.includes(PG_PASSWORD))).toEqual([]);
}
