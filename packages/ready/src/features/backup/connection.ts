import { ReadyError } from '../../utils/errors';

/** A PostgreSQL connection, from the URL an environment variable holds. */
export interface PgConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** libpq's sslmode from the URL (`?sslmode=require`, as managed servers give it), when it names one. */
  sslmode?: string;
  /** The URL with its password replaced: the only form that is ever printed or written. */
  display: string;
}

/**
 * Reads the connection URL from `envName`. The password never leaves this object except in the
 * environment of the PostgreSQL tools (PGPASSWORD), never on a command line or in a message.
 */
export function readConnection(envName: string, env: NodeJS.ProcessEnv = process.env): PgConnection {
  const raw = env[envName];
  if (!raw) {
    throw new ReadyError(
      `${envName} is not set: export the PostgreSQL connection URL (postgres://user:password@host:5432/database) in ${envName}, or pass --databaseUrlEnv=<the variable that holds it>.`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ReadyError(`${envName} is not a URL: it must look like postgres://user:password@host:5432/database.`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ReadyError(`${envName} is a ${url.protocol.replace(/:$/, '')} URL: only PostgreSQL (postgres://…) is supported.`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new ReadyError(`${envName} names no database: add it after the host (postgres://…/database).`);
  return {
    host: url.hostname || 'localhost',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || 'postgres',
    password: decodeURIComponent(url.password),
    database,
    ...sslmode(url),
    display: redactUrl(raw),
  };
}

/** `?sslmode=…`, or `?ssl=true` (node-postgres' spelling) as `require`. */
function sslmode(url: URL): { sslmode?: string } {
  const mode = url.searchParams.get('sslmode') ?? (url.searchParams.get('ssl') === 'true' ? 'require' : null);
  return mode ? { sslmode: mode } : {};
}

/** The URL with any password replaced by "***". */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(an unreadable URL)';
  }
}

/** The environment PostgreSQL's tools read the connection from (libpq's variables), for another database of the same server. */
export function pgEnv(connection: PgConnection, database = connection.database): Record<string, string> {
  return {
    PGHOST: connection.host,
    PGPORT: String(connection.port),
    PGUSER: connection.user,
    PGPASSWORD: connection.password,
    PGDATABASE: database,
    ...(connection.sslmode ? { PGSSLMODE: connection.sslmode } : {}),
  };
}

/** Removes every occurrence of the password from a text (a tool's error output) before it is shown. */
export function scrub(text: string, connection: Pick<PgConnection, 'password'>): string {
  return connection.password ? text.split(connection.password).join('***') : text;
}
