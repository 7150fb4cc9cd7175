import { TargetConfiguration } from '@nx/devkit';
import { ReadTree } from '../../core/workspace/files';
import { ReadyError } from '../../utils/errors';
import { databaseEngine } from './engine';
import { workflowContext } from '../../core/workspace/workflow-context';
import { BACKUP_MARKER, BACKUP_TARGET, RUNBOOK_MARKER, VERIFY_TARGET } from './files';
import { BackupSettings, storageOptions } from './settings';
import { githubBackupWorkflow, gitlabBackupJobs, runbook } from './workflow';

export interface BackupOptions {
  engine?: string;
  databaseUrlEnv?: string;
  bucket: string;
  prefix?: string;
  endpoint?: string;
  region?: string;
  retentionDays?: number;
  keepMin?: number;
  backupCron?: string;
  verifyCron?: string;
  postgresVersion?: number;
  maxAgeDays?: number;
  alert?: string;
  provider?: string;
}

export interface BackupPlan {
  settings: BackupSettings;
  targets: Record<string, TargetConfiguration>;
  writes: Map<string, string>;
  lines: string[];
}

/** A variable name that holds a database URL: DATABASE_URL, POSTGRES_URL, PG_CONNECTION_STRING, DB_URL, … */
/**
 * A variable that holds a database URL: one word of its name says database (`DB`, `DATABASE`,
 * `POSTGRES`, `PG`, …) and one says URL (`URL`, `URI`, `DSN`, `CONNECTION`): DATABASE_URL,
 * SHOP_DB_URL, POSTGRES_PRISMA_URL, POSTGRES_URL_NON_POOLING, PG_CONNECTION_STRING.
 */
function isDatabaseUrlName(name: string): boolean {
  const words = name.toUpperCase().split(/_+/);
  return (
    words.some((w) => /^(DB|DATABASE|POSTGRES|POSTGRESQL|PG|PSQL)$/.test(w)) && words.some((w) => /^(URL|URI|DSN|CONNECTION)$/.test(w))
  );
}

/**
 * Everything the backup generator writes, from the options and the workspace: the two targets, the
 * workflow for the workspace's CI provider and the runbook. Files the team wrote (no marker) are
 * never overwritten; ours are written again from the settings, so a second run changes nothing.
 */
/** The variables the project reads, with where (the env scan's answer), asked only when no --databaseUrlEnv names one. */
export type VariablesRead = () => Array<{ name: string; readAt: string[] }>;

export function planBackup(
  tree: ReadTree,
  project: { name: string; root: string },
  options: BackupOptions,
  variablesRead: VariablesRead,
): BackupPlan {
  if ((options.engine ?? 'postgres') !== 'postgres') {
    throw new ReadyError(`--engine=${options.engine} is not supported: only postgres (PostgreSQL) is, for now.`);
  }
  if (!options.bucket) throw new ReadyError('--bucket is required: the S3-compatible bucket the backups go to.');
  const engine = databaseEngine(tree, project.root);
  if (engine && engine.engine !== 'postgresql') {
    throw new ReadyError(
      `${project.name}'s datasource is ${engine.engine} (${engine.evidence}): backups are pg_dump and pg_restore, for PostgreSQL only; ${engine.engine} is not supported yet.`,
    );
  }
  const lines: string[] = [];
  // What names the project's files, jobs and default prefix: `@acme/shop` → `acme-shop`.
  const slug = project.name.replace(/^@/, '').replace(/\//g, '-');
  const databaseUrlEnv = options.databaseUrlEnv ?? suggestedUrlVariable(variablesRead, lines);
  const settings: BackupSettings = {
    project: project.name,
    engine: 'postgres',
    databaseUrlEnv,
    bucket: options.bucket,
    prefix: normalizePrefix(options.prefix ?? `${slug}/`),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    region: options.region ?? 'us-east-1',
    retentionDays: options.retentionDays ?? 30,
    keepMin: options.keepMin ?? 7,
    backupCron: options.backupCron ?? '0 3 * * *',
    verifyCron: options.verifyCron ?? '0 4 * * 0',
    postgresVersion: options.postgresVersion ?? 16,
    maxAgeDays: options.maxAgeDays ?? 8,
    alert: options.alert ?? "GitHub or GitLab notifies the workflow's watchers of the failed run",
  };
  for (const [option, cron] of [
    ['backupCron', settings.backupCron],
    ['verifyCron', settings.verifyCron],
  ] as const) {
    const problem = cronProblem(cron);
    if (problem)
      throw new ReadyError(`--${option}="${cron}" is not a schedule CI runs: ${problem} (e.g. "0 3 * * *", daily at 03:00 UTC).`);
  }
  if (settings.backupCron === settings.verifyCron) {
    throw new ReadyError(
      '--backupCron and --verifyCron are the same: the workflow tells the two jobs apart by their schedule, so give them different times.',
    );
  }
  const targets: Record<string, TargetConfiguration> = {
    [BACKUP_TARGET]: {
      executor: '@plinto/ready:db-backup',
      cache: false,
      options: { ...storageOptions(settings), retentionDays: settings.retentionDays, keepMin: settings.keepMin },
    },
    [VERIFY_TARGET]: {
      executor: '@plinto/ready:db-restore-verify',
      cache: false,
      options: { ...storageOptions(settings), maxAgeDays: settings.maxAgeDays },
    },
  };
  const provider = options.provider ?? (tree.exists('.gitlab-ci.yml') && !tree.exists('.github/workflows') ? 'gitlab' : 'github');
  if (provider !== 'github' && provider !== 'gitlab') {
    throw new ReadyError(`--provider=${provider} is not supported: use github or gitlab.`);
  }
  const context = workflowContext(tree, {
    target: 'ready',
    parallel: 1,
    resultsRoot: 'dist/ready',
  });
  const writes = new Map<string, string>();
  const ciFile = ours(
    tree,
    provider === 'github' ? `.github/workflows/${slug}-backup.yml` : `.gitlab/${slug}-backup.gitlab-ci.yml`,
    BACKUP_MARKER,
    lines,
  );
  const runbookFile = ours(tree, `docs/runbooks/${slug}-restore.md`, RUNBOOK_MARKER, lines);
  const files = { slug, runbook: runbookFile };
  writes.set(ciFile, provider === 'github' ? githubBackupWorkflow(context, settings, files) : gitlabBackupJobs(context, settings, files));
  writes.set(runbookFile, runbook(settings, ciFile, provider, files));
  lines.push(
    `${project.name}: ${BACKUP_TARGET} (daily, ${settings.backupCron} UTC) and ${VERIFY_TARGET} (weekly, ${settings.verifyCron} UTC) to s3://${settings.bucket}/${settings.prefix}`,
    `  workflow ${ciFile}, runbook ${runbookFile}`,
    `  secrets to add in the CI settings (names only; nothing was written): ${settings.databaseUrlEnv}, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY`,
  );
  if (provider === 'gitlab') {
    lines.push(
      `  add "include: ${ciFile}" to .gitlab-ci.yml, and two pipeline schedules (CI/CD → Schedules) with READY_BACKUP_TASK=${BACKUP_TARGET} and =${VERIFY_TARGET}`,
    );
  }
  return { settings, targets, writes, lines };
}

/** The file to write: `path` when it is ours or free, else a name beside it (the team's file stays as it is). */
function ours(tree: ReadTree, path: string, marker: string, lines: string[]): string {
  const text = tree.read(path, 'utf-8');
  if (text === null || text.startsWith(marker)) return path;
  const beside = path.replace(/([^/]+)$/, 'plinto-$1');
  lines.push(`${path} is the team's own: left as it is, ours goes to ${beside}`);
  return beside;
}

function normalizePrefix(prefix: string): string {
  const p = prefix.replace(/^\/+/, '');
  return p === '' || p.endsWith('/') ? p : `${p}/`;
}

/** The variable the project reads a database URL from (the env scan), else DATABASE_URL. */
function suggestedUrlVariable(variablesRead: VariablesRead, lines: string[]): string {
  const found = variablesRead()
    .filter((v) => isDatabaseUrlName(v.name))
    // DATABASE_URL when the app reads it; else a URL that is not a pooler's (pg_dump needs a session).
    .sort((a, b) => rank(a.name) - rank(b.name));
  if (found.length === 0) return 'DATABASE_URL';
  if (found.length > 1) lines.push(`the app reads ${found.map((v) => v.name).join(', ')}: the backup uses the first`);
  lines.push(`the connection URL is read from ${found[0].name} (read at ${found[0].readAt[0]}); --databaseUrlEnv names another`);
  return found[0].name;
}

function rank(name: string): number {
  if (name === 'DATABASE_URL') return 0;
  return /POOL(ED|ER)?(_|$)/.test(name) && !/NON_POOLING/.test(name) ? 2 : 1;
}

const CRON_FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of the month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of the week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

/** What is wrong with a five-field POSIX cron expression (what GitHub's and GitLab's schedules take), or null. */
export function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return `it has ${fields.length} field(s), a schedule has 5 (minute hour day month weekday)`;
  for (const [i, field] of fields.entries()) {
    const spec = CRON_FIELDS[i];
    const value = (v: string) => {
      const named = spec.names?.indexOf(v.toUpperCase()) ?? -1;
      return named >= 0 ? named + (spec.min === 1 ? 1 : 0) : /^\d+$/.test(v) ? Number(v) : NaN;
    };
    for (const part of field.split(',')) {
      const [range, step, extra] = part.split('/');
      if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step)))
        return `the ${spec.name} field "${field}" has a bad step`;
      if (range === '*') continue;
      const ends = range.split('-');
      if (ends.length > 2 || ends.some((e) => !(value(e) >= spec.min && value(e) <= (i === 4 ? 7 : spec.max)))) {
        return `the ${spec.name} field "${field}" is not within ${spec.min}–${spec.max}`;
      }
    }
  }
  return null;
}
