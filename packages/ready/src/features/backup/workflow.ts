import { Document } from 'yaml';
import { PACKAGE_MANAGER_COMMANDS as PM } from '../../core/workspace/package-manager';
import type { WorkflowContext } from '../../core/workspace/workflow-context';
import { BACKUP_MARKER, BACKUP_TARGET, RUNBOOK_MARKER, VERIFY_TARGET } from './files';
import { BackupSettings } from './settings';

/** The variable the CI jobs put the throwaway restore server's URL in. */
export const RESTORE_URL_ENV = 'RESTORE_DATABASE_URL';

/**
 * The secrets a job reads, by name only: the storage credentials, and for the backup the
 * connection URL (the verification restores on a throwaway server and never needs it).
 */
function secretNames(s: BackupSettings, target?: string): string[] {
  return [...(target === VERIFY_TARGET ? [] : [s.databaseUrlEnv]), 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
}

/** What names the files and jobs of a project: `@acme/shop` → `acme-shop`; and where its runbook is. */
export interface BackupFiles {
  slug: string;
  runbook: string;
}

/** YAML text as a workflow file has it: our marker, a comment, then the document (quoted where YAML needs it). */
function yamlFile(comment: string[], value: unknown): string {
  const doc = new Document(value);
  return [BACKUP_MARKER, ...comment.map((l) => `# ${l}`), doc.toString({ lineWidth: 0 })].join('\n');
}

/**
 * The GitHub Actions workflow: the backup every day, the restore verification every week, both by
 * hand (workflow_dispatch). The secrets are named, never written. Built as data and written by the
 * yaml library, so a project name YAML reads as something else (`@acme/shop`) is quoted.
 */
export function githubBackupWorkflow(context: WorkflowContext, s: BackupSettings, files: BackupFiles): string {
  const pm = context.packageManager;
  const verify = (target: string) => target === VERIFY_TARGET;
  const job = (target: string, when: string) => ({
    if: when,
    'runs-on': 'ubuntu-latest',
    // The restore goes to a throwaway server of the production's major version, never to production.
    ...(verify(target)
      ? {
          services: {
            postgres: {
              image: `postgres:${s.postgresVersion}`,
              env: { POSTGRES_HOST_AUTH_METHOD: 'trust' },
              ports: ['5432:5432'],
              options: '--health-cmd pg_isready --health-interval 5s --health-timeout 5s --health-retries 10',
            },
          },
        }
      : {}),
    steps: [
      { uses: 'actions/checkout@v4' },
      ...(pm === 'pnpm'
        ? [{ uses: 'pnpm/action-setup@v4', ...(context.pnpmVersion ? { with: { version: context.pnpmVersion } } : {}) }]
        : []),
      ...(pm === 'yarn-berry' ? [{ run: 'corepack enable' }] : []),
      {
        uses: 'actions/setup-node@v4',
        with: {
          ...('file' in context.node ? { 'node-version-file': context.node.file } : { 'node-version': context.node.version }),
          ...(pm === 'bun' ? {} : { cache: pm === 'npm' ? 'npm' : pm === 'pnpm' ? 'pnpm' : 'yarn' }),
        },
      },
      ...(pm === 'bun' ? [{ uses: 'oven-sh/setup-bun@v2' }] : []),
      {
        name: `PostgreSQL ${s.postgresVersion} client tools (pg_dump and pg_restore of the server's major version)`,
        run: [
          'sudo /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y',
          `sudo apt-get install -y -qq postgresql-client-${s.postgresVersion}`,
          '',
        ].join('\n'),
      },
      { run: PM[pm].install },
      {
        name: `nx run ${s.project}:${target}`,
        run: `${PM[pm].exec} run ${s.project}:${target} --skip-nx-cache${verify(target) ? ` --restoreUrlEnv=${RESTORE_URL_ENV}` : ''}`,
        env: {
          PG_BIN: `/usr/lib/postgresql/${s.postgresVersion}/bin`,
          ...(verify(target) ? { [RESTORE_URL_ENV]: 'postgres://postgres@localhost:5432/postgres' } : {}),
          ...Object.fromEntries(secretNames(s, target).map((n) => [n, `\${{ secrets.${n} }}`])),
        },
      },
      ...(target === VERIFY_TARGET
        ? [
            {
              uses: 'actions/upload-artifact@v4',
              if: 'always()',
              with: { name: `${files.slug}-restore-verification`, path: 'dist/ready/', 'if-no-files-found': 'ignore' },
            },
          ]
        : []),
    ],
  });
  const when = (cron: string, target: string) =>
    `(github.event_name == 'schedule' && github.event.schedule == '${cron}') || (github.event_name == 'workflow_dispatch' && inputs.task == '${target}')`;
  return yamlFile(
    [
      `Backs up the database of ${s.project} every day and proves once a week that the newest backup`,
      `restores (${files.runbook}). A failed run is the alert: ${s.alert}.`,
    ],
    {
      name: `${s.project} backup`,
      on: {
        schedule: [{ cron: s.backupCron }, { cron: s.verifyCron }],
        workflow_dispatch: {
          inputs: {
            task: { description: 'What to run', type: 'choice', options: [BACKUP_TARGET, VERIFY_TARGET], default: BACKUP_TARGET },
          },
        },
      },
      permissions: { contents: 'read' },
      concurrency: { group: `${files.slug}-backup`, 'cancel-in-progress': false },
      jobs: {
        backup: job(BACKUP_TARGET, when(s.backupCron, BACKUP_TARGET)),
        'verify-restore': job(VERIFY_TARGET, when(s.verifyCron, VERIFY_TARGET)),
      },
    },
  );
}

/**
 * The GitLab CI jobs (an included file): GitLab schedules live in the project's settings, so the
 * jobs run on a schedule that sets READY_BACKUP_TASK (the runbook says how to create both), or by hand.
 */
export function gitlabBackupJobs(context: WorkflowContext, s: BackupSettings, files: BackupFiles): string {
  const pm = context.packageManager;
  const job = (target: string) => ({
    image: `postgres:${s.postgresVersion}`,
    rules: [
      { if: `$CI_PIPELINE_SOURCE == "schedule" && $READY_BACKUP_TASK == "${target}"` },
      { if: `$CI_PIPELINE_SOURCE == "web" && $READY_BACKUP_TASK == "${target}"` },
    ],
    variables: {
      PG_BIN: `/usr/lib/postgresql/${s.postgresVersion}/bin`,
      ...(target === VERIFY_TARGET ? { [RESTORE_URL_ENV]: 'postgres://postgres@restore-db:5432/postgres' } : {}),
    },
    // The restore goes to a throwaway server of the production's major version, never to production.
    ...(target === VERIFY_TARGET
      ? { services: [{ name: `postgres:${s.postgresVersion}`, alias: 'restore-db', variables: { POSTGRES_HOST_AUTH_METHOD: 'trust' } }] }
      : {}),
    before_script: [
      'apt-get update -qq && apt-get install -y -qq nodejs npm > /dev/null',
      ...(pm === 'pnpm' || pm === 'yarn-berry' ? ['npm install -g corepack && corepack enable'] : []),
      ...(pm === 'bun' ? ['npm install -g bun'] : []),
      PM[pm].install,
    ],
    script: [
      `${PM[pm].exec} run ${s.project}:${target} --skip-nx-cache${target === VERIFY_TARGET ? ` --restoreUrlEnv=${RESTORE_URL_ENV}` : ''}`,
    ],
    ...(target === VERIFY_TARGET ? { artifacts: { when: 'always', paths: ['dist/ready/'] } } : {}),
  });
  return yamlFile(
    [
      `Backs up the database of ${s.project} (daily) and proves that the newest backup restores (weekly):`,
      `two pipeline schedules set READY_BACKUP_TASK (${files.runbook}).`,
      `${secretNames(s).join(', ')}: masked CI/CD variables of the project (the verification restores on a`,
      'throwaway service container and needs only the storage credentials). The postgres image has the',
      "client tools of the server's version; Node comes from Debian's nodejs.",
    ],
    { [`${files.slug}-${BACKUP_TARGET}`]: job(BACKUP_TARGET), [`${files.slug}-${VERIFY_TARGET}`]: job(VERIFY_TARGET) },
  );
}

/** The runbook, from the same settings as the targets and the workflow. */
export function runbook(s: BackupSettings, ciFile: string, provider: 'github' | 'gitlab', files: BackupFiles): string {
  const restored = `${files.slug.replace(/[^a-z0-9_]/gi, '_')}_restored`;
  const where = `s3://${s.bucket}/${s.prefix}${s.endpoint ? ` (endpoint ${s.endpoint}, region ${s.region})` : ` (region ${s.region})`}`;
  return `${RUNBOOK_MARKER}

# Restoring the database of ${s.project}

Written by \`nx g @plinto/ready:backup\` from the same settings as the \`${BACKUP_TARGET}\` and
\`${VERIFY_TARGET}\` targets of ${s.project}; run the generator again after changing them.

## Where the backups are

- **Storage:** ${where}. One folder per backup, named by its UTC time: \`database.dump\` (pg_dump,
  custom format, compressed) and \`manifest.json\` (database, server and client versions, time,
  size, sha256, every table's row count and checksum). A folder without a manifest is an unfinished
  upload, not a backup.
- **Schedule:** a backup every day (\`${s.backupCron}\`, UTC), a restore verification every week
  (\`${s.verifyCron}\`), both in \`${ciFile}\`${provider === 'gitlab' ? ' (create two pipeline schedules in CI/CD → Schedules, one with the variable READY_BACKUP_TASK=db-backup, one with READY_BACKUP_TASK=db-restore-verify)' : ''}.
- **Retention:** backups older than ${s.retentionDays} days are deleted, but the newest ${s.keepMin} always
  stay, and the newest is never deleted.
- **Secrets:** the connection URL is read from \`${s.databaseUrlEnv}\`, the storage credentials from
  \`AWS_ACCESS_KEY_ID\` / \`AWS_SECRET_ACCESS_KEY\`. None of them is in any file.

## Verify a backup (without touching the database)

\`\`\`bash
nx run ${s.project}:${VERIFY_TARGET}                       # the newest backup
nx run ${s.project}:${VERIFY_TARGET} --backup=${s.prefix}<time>/   # a given one
\`\`\`

It downloads the backup, checks its sha256, restores it into a scratch database it creates and
always drops (the connection's user needs CREATEDB), and compares every table's rows and checksum
with the manifest. Run by hand, it restores on the server of \`${s.databaseUrlEnv}\`; add
\`--restoreUrlEnv=<variable>\` to restore on another one. The scheduled job restores on a throwaway
PostgreSQL ${s.postgresVersion} service container (\`${RESTORE_URL_ENV}\`), so the weekly verification
never loads the production server and needs no database secret. \`dist/ready/<project root>/db-restore-verify.json\` says which table differs, if
any; the record also goes to \`${s.prefix}verifications/latest.json\`, which the \`backup\` check of
\`nx run ${s.project}:ready\` reads.

## Restore to a point in time

1. Pick the newest backup taken before the point to return to: list the folders under
   \`${s.prefix}\` (their names are UTC times) and read its \`manifest.json\`.
2. Verify it first: \`nx run ${s.project}:${VERIFY_TARGET} --backup=${s.prefix}<time>/\`.
3. Download \`database.dump\` and check it: \`sha256sum database.dump\` must print the manifest's sha256.
4. Restore into a new database, never over the live one:
   \`\`\`bash
   createdb ${restored}
   pg_restore --no-owner --exit-on-error --dbname=${restored} database.dump
   \`\`\`
   with pg_restore of PostgreSQL ${s.postgresVersion}, and the connection in PGHOST, PGUSER and
   PGPASSWORD (never on the command line).
5. Check the row counts against the manifest's \`tables\`, then point the app's \`${s.databaseUrlEnv}\`
   at the restored database (or rename it in place during a maintenance window).
6. Changes made after the backup's time are not in it: replay them from the application's own
   records, or accept their loss, and write down which.

## Who is alerted

A failed backup or verification fails its CI job: ${s.alert}. The \`backup\` check of
\`nx run ${s.project}:ready\` fails when the last verification failed, or when the newest verified
restore is more than ${s.maxAgeDays} days old.
`;
}
