import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TargetConfiguration } from '@nx/devkit';
import { ReadTree } from '../../core/workspace/files';
import { packageDependencies } from '../../core/workspace/project-facts';
import { resultsDirFor } from '../../core/contracts/results';
import { firstLine } from '../../utils/errors';
import { listBackups } from './backup';
import { LATEST_VERIFICATION_OBJECT, VERIFY_RESULT_FILE } from './files';
import { BackupStorage } from './storage';
import { VerifyRecord } from './verify';
import { databaseEngine } from './engine';

/** Packages that mean the project talks to a database (and so has data to lose). */
const DATABASE_PACKAGES = [
  'pg',
  'postgres',
  '@prisma/client',
  'drizzle-orm',
  'knex',
  'typeorm',
  'sequelize',
  'kysely',
  'mikro-orm',
  '@mikro-orm/core',
  '@neondatabase/serverless',
  '@vercel/postgres',
  'mysql2',
  'mongoose',
  'mongodb',
];

export type BackupAssessment =
  | { state: 'no-database'; reason: string }
  | { state: 'unsupported-engine'; engine: string; evidence: string }
  | { state: 'not-configured'; evidence: string }
  | { state: 'verified'; record: VerifyRecord; ageDays: number; maxAgeDays: number; source: string }
  | { state: 'stale'; record: VerifyRecord; ageDays: number; maxAgeDays: number; source: string }
  | { state: 'verification-failed'; record: VerifyRecord; source: string }
  | { state: 'backups-only'; count: number; where: string }
  | { state: 'none'; where: string }
  | { state: 'unknown'; why: string };

/** The project's db-restore-verify target (by executor), if it has one. */
export function verifyTargetOf(targets: Record<string, TargetConfiguration> | undefined): TargetConfiguration | null {
  return Object.values(targets ?? {}).find((t) => t.executor === '@plinto/ready:db-restore-verify') ?? null;
}

/**
 * Where the project's backups stand: the newest verification record in storage (what any machine
 * sees), else the one this checkout's last run left; else whether backups exist at all. A project
 * without the targets is judged by whether it has a database.
 */
export async function assessBackups(
  tree: ReadTree,
  /** The npm packages the project graph says it depends on, for workspaces whose apps have no package.json. */
  project: { root: string; isApp: boolean; externalDependencies: readonly string[] },
  targets: Record<string, TargetConfiguration> | undefined,
  now: Date = new Date(),
): Promise<BackupAssessment> {
  const verify = verifyTargetOf(targets);
  if (!verify) {
    if (!project.isApp) return { state: 'no-database', reason: 'a library: backups belong to the app that owns the database' };
    const deps = new Set([...packageDependencies(tree, project.root), ...project.externalDependencies]);
    const db = DATABASE_PACKAGES.find((p) => deps.has(p));
    // Backups are pg_dump and pg_restore: another engine's data is not theirs to back up.
    const engine = db ? databaseEngine(tree, project.root, project.externalDependencies) : null;
    if (engine && engine.engine !== 'postgresql') return { state: 'unsupported-engine', engine: engine.engine, evidence: engine.evidence };
    if (db) return { state: 'not-configured', evidence: `it depends on ${db}` };
    return { state: 'no-database', reason: `no database client among its dependencies (${DATABASE_PACKAGES.slice(0, 6).join(', ')}, …)` };
  }
  const o = (verify.options ?? {}) as {
    bucket?: string;
    prefix?: string;
    endpoint?: string;
    region?: string;
    maxAgeDays?: number;
    outputPath?: string;
  };
  const maxAgeDays = o.maxAgeDays ?? 8;
  const judge = (record: VerifyRecord, source: string): BackupAssessment => {
    if (!record.ok) return { state: 'verification-failed', record, source };
    const ageDays = Math.round(((now.getTime() - Date.parse(record.verifiedAt)) / 86_400_000) * 10) / 10;
    return ageDays <= maxAgeDays
      ? { state: 'verified', record, ageDays, maxAgeDays, source }
      : { state: 'stale', record, ageDays, maxAgeDays, source };
  };
  let storageProblem = '';
  if (o.bucket && o.prefix !== undefined) {
    try {
      const storage = await BackupStorage.fromOptions({ ...o, bucket: o.bucket, prefix: o.prefix });
      const text = await storage.getText(`${o.prefix}${LATEST_VERIFICATION_OBJECT}`);
      if (text) return judge(JSON.parse(text) as VerifyRecord, `${storage.where}${LATEST_VERIFICATION_OBJECT}`);
      const backups = await listBackups(storage);
      return backups.length > 0
        ? { state: 'backups-only', count: backups.length, where: storage.where }
        : { state: 'none', where: storage.where };
    } catch (error) {
      storageProblem = firstLine(error);
    }
  }
  const local = join(tree.root, resultsDirFor(project.root, o.outputPath), VERIFY_RESULT_FILE);
  if (existsSync(local)) {
    try {
      return judge(
        JSON.parse(readFileSync(local, 'utf8')) as VerifyRecord,
        `${resultsDirFor(project.root, o.outputPath)}/${VERIFY_RESULT_FILE} (storage unreadable: ${storageProblem})`,
      );
    } catch {
      // unreadable: as if absent
    }
  }
  return { state: 'unknown', why: storageProblem || 'the db-restore-verify target names no bucket' };
}
