import { posix } from 'node:path';
import { ReadTree, treeFiles } from '../../core/workspace/files';
import { packageDependencies } from '../../core/workspace/project-facts';

/** The database engines a project's datasource may name; backups support PostgreSQL. */
export type DatabaseEngine = 'postgresql' | 'mysql' | 'sqlite' | 'sqlserver' | 'mongodb' | 'cockroachdb';

export interface EngineEvidence {
  engine: DatabaseEngine;
  /** Where the engine was read: `apps/web/prisma/schema.prisma (provider = "mysql")`. */
  evidence: string;
}

/** Prisma's provider names, Drizzle's dialects and URL schemes, to one engine name. */
const ENGINE_NAMES: Record<string, DatabaseEngine> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  pg: 'postgresql',
  mysql: 'mysql',
  mysql2: 'mysql',
  mariadb: 'mysql',
  planetscale: 'mysql',
  singlestore: 'mysql',
  sqlite: 'sqlite',
  turso: 'sqlite',
  libsql: 'sqlite',
  file: 'sqlite',
  sqlserver: 'sqlserver',
  mssql: 'sqlserver',
  mongodb: 'mongodb',
  'mongodb+srv': 'mongodb',
  cockroachdb: 'cockroachdb',
};

/** Drivers that talk to one engine only. */
const DRIVERS: Record<string, DatabaseEngine> = {
  pg: 'postgresql',
  postgres: 'postgresql',
  '@neondatabase/serverless': 'postgresql',
  '@vercel/postgres': 'postgresql',
  mysql2: 'mysql',
  mysql: 'mysql',
  '@planetscale/database': 'mysql',
  'better-sqlite3': 'sqlite',
  sqlite3: 'sqlite',
  '@libsql/client': 'sqlite',
  mongoose: 'mongodb',
  mongodb: 'mongodb',
  mssql: 'sqlserver',
  tedious: 'sqlserver',
};

const DATABASE_URL_LINE =
  /^\s*(?:export\s+)?[A-Z0-9_]*(?:DATABASE|DB|POSTGRES|MYSQL|MONGO)[A-Z0-9_]*URL[A-Z0-9_]*\s*=\s*['"]?([a-z0-9+]+):\/\//gim;

/**
 * The engine of the project's datasource, from what states it most directly: a Prisma schema's
 * `provider`, a Drizzle config's `dialect`, the driver among its dependencies, a database URL's
 * scheme in its env example files. Null when nothing names one (an ORM alone does not).
 */
export function databaseEngine(tree: ReadTree, projectRoot: string, externalDependencies: readonly string[] = []): EngineEvidence | null {
  for (const file of treeFiles(tree, projectRoot, /\.prisma$/, { tests: false })) {
    const datasource = /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"([^"]+)"/s.exec(tree.read(file, 'utf-8') ?? '');
    const engine = datasource && ENGINE_NAMES[datasource[1]];
    if (engine) return { engine, evidence: `${file} (provider = "${datasource[1]}")` };
  }
  for (const file of treeFiles(tree, projectRoot, /(^|\/)drizzle\.config\.[cm]?[jt]s$/, { tests: false })) {
    const dialect = /\b(?:dialect|driver)\s*:\s*['"]([\w-]+)['"]/.exec(tree.read(file, 'utf-8') ?? '');
    const engine = dialect && ENGINE_NAMES[dialect[1]];
    if (engine) return { engine, evidence: `${file} (${dialect[0]})` };
  }
  const deps = new Set([...packageDependencies(tree, projectRoot), ...externalDependencies]);
  const driver = Object.keys(DRIVERS).find((d) => deps.has(d));
  if (driver) return { engine: DRIVERS[driver], evidence: `it depends on ${driver}` };
  for (const name of tree
    .children(projectRoot)
    .filter((n) => n.startsWith('.env'))
    .sort()) {
    const file = posix.join(projectRoot, name);
    for (const m of (tree.read(file, 'utf-8') ?? '').matchAll(DATABASE_URL_LINE)) {
      const engine = ENGINE_NAMES[m[1].toLowerCase()];
      if (engine) return { engine, evidence: `${file} (${m[1]}:// URL)` };
    }
  }
  return null;
}
