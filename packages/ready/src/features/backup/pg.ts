import { coerce } from 'semver';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Client } from 'pg';
import { ReadyError, firstLine } from '../../utils/errors';
import { PgConnection, pgEnv, scrub } from './connection';
import { TableFigure } from './manifest';
import { loadBackupPackage } from './packages';

/** A client of the connection's server, on its database or another one (the scratch database). */
export async function connect(connection: PgConnection, database = connection.database): Promise<Client> {
  // Loaded here: only the backup targets talk to a database.
  const { Client } = await loadBackupPackage('pg', () => import('pg'));
  const client = new Client({
    host: connection.host,
    port: connection.port,
    user: connection.user,
    password: connection.password,
    database,
    // libpq's modes as node-postgres takes them: require encrypts without checking the certificate, verify-* check it.
    ...(connection.sslmode === 'require' ? { ssl: { rejectUnauthorized: false } } : {}),
    ...(connection.sslmode?.startsWith('verify-') ? { ssl: true } : {}),
  });
  try {
    await client.connect();
  } catch (error) {
    throw new ReadyError(
      `Cannot connect to ${connection.display.replace(/\/[^/]*$/, `/${database}`)}: ${scrub(firstLine(error), connection)}.`,
    );
  }
  return client;
}

/** `15.18` and its major, 15. */
export async function serverVersion(client: Client): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ server_version: string; num: string }>(
    "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS num",
  );
  return { version: rows[0].server_version.split(' ')[0], major: Math.floor(Number(rows[0].num) / 10000) };
}

/**
 * Row count and an order-independent checksum of every user table: the sum of a 60-bit slice of
 * each row's md5 (numeric, so it never overflows, and constant memory whatever the table's size).
 * Taken inside the dump's snapshot, a restore of the dump must give back the same figures.
 */
export async function tableFigures(client: Client): Promise<TableFigure[]> {
  const { rows: tables } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
      ORDER BY 1, 2`,
  );
  const figures: TableFigure[] = [];
  for (const t of tables) {
    const relation = `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `SELECT count(*)::text AS rows,
              coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint::numeric), 0)::text AS checksum
         FROM ${relation} t`,
    );
    figures.push({ name: `${t.schema}.${t.name}`, rows: Number(rows[0].rows), checksum: rows[0].checksum });
  }
  return figures;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A PostgreSQL client tool (pg_dump, pg_restore) whose major version is the server's. */
export interface PgTool {
  path: string;
  version: string;
  major: number;
}

/**
 * Finds `tool` for a server of major version `serverMajor`: PG_BIN first, then Debian's and
 * Homebrew's per-version folders, then PATH. A tool of another major version is an error that names
 * both versions and how to get the right one: pg_dump refuses newer servers, and an older server
 * cannot always read what a newer pg_dump writes.
 */
export function findPgTool(
  tool: 'pg_dump' | 'pg_restore',
  serverMajor: number,
  server: string,
  env: NodeJS.ProcessEnv = process.env,
): PgTool {
  const dirs = [
    env.PG_BIN,
    `/usr/lib/postgresql/${serverMajor}/bin`,
    `/opt/homebrew/opt/postgresql@${serverMajor}/bin`,
    `/usr/local/opt/postgresql@${serverMajor}/bin`,
    ...(env.PATH ?? '').split(delimiter),
  ].filter((d): d is string => !!d);
  const found: PgTool[] = [];
  for (const dir of dirs) {
    const path = join(dir, tool);
    if (!existsSync(path) || found.some((f) => f.path === path)) continue;
    try {
      const out = execFileSync(path, ['--version'], { encoding: 'utf8' });
      const version = /(\d+(?:\.\d+)*)/.exec(out)?.[1] ?? '';
      const tool_ = { path, version, major: coerce(version)?.major ?? NaN };
      if (tool_.major === serverMajor) return tool_;
      found.push(tool_);
    } catch {
      // not runnable: the next one
    }
  }
  const seen = found.length > 0 ? `found ${found.map((f) => `${tool} ${f.version} (${f.path})`).join(', ')}` : `no ${tool} was found`;
  throw new ReadyError(
    `The database runs PostgreSQL ${server}, and ${seen}: install the client tools of PostgreSQL ${serverMajor} (Debian: postgresql-client-${serverMajor}) or set PG_BIN to the folder of its ${tool}.`,
  );
}

/**
 * Runs a PostgreSQL tool with the connection in its environment (never on its command line), its
 * --verbose lines passed to `progress` and the password scrubbed from anything it says.
 */
export function runPgTool(
  tool: PgTool,
  args: string[],
  connection: PgConnection,
  database: string,
  progress: (line: string) => void = () => undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, { env: { ...process.env, ...pgEnv(connection, database) }, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    let partial = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines.map((l) => scrub(l, connection))) {
        if (/error|fatal/i.test(line)) errors += line + '\n';
        else if (line.trim()) progress(line.replace(/^\S+: /, ''));
      }
    });
    child.on('error', (error) => reject(new ReadyError(`${tool.path} did not start: ${firstLine(error)}.`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new ReadyError(
            `${tool.path.split('/').pop()} failed (exit ${code}): ${scrub(errors.trim() || partial, connection).split('\n')[0]}`,
          ),
        );
    });
  });
}
