import { Tree, addProjectConfiguration, readJson, readProjectConfiguration } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { parse } from 'yaml';
import { actionlintProblems, gitlabProblems } from '../../testing/ci-linters';
import { cronProblem } from '../../features/backup/plan';
import { backupGenerator } from './backup';

describe('backup generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('package-lock.json', '{}');
    addProjectConfiguration(tree, 'shop', { root: 'apps/shop', projectType: 'application', targets: { build: { executor: 'nx:noop' } } });
    tree.write(
      'apps/shop/app/db.ts',
      "import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: process.env.SHOP_DB_URL });\n",
    );
  });

  it('adds both targets from one set of settings, a workflow actionlint passes and the runbook; no secret value anywhere', async () => {
    await backupGenerator(tree, { project: 'shop', bucket: 'backups', endpoint: 'https://acct.r2.cloudflarestorage.com', region: 'auto' });
    const targets = readProjectConfiguration(tree, 'shop').targets!;
    expect(targets.build).toEqual({ executor: 'nx:noop' });
    const storage = {
      databaseUrlEnv: 'SHOP_DB_URL',
      bucket: 'backups',
      prefix: 'shop/',
      endpoint: 'https://acct.r2.cloudflarestorage.com',
      region: 'auto',
    };
    expect(targets['db-backup']).toEqual({
      executor: '@plinto/ready:db-backup',
      cache: false,
      options: { ...storage, retentionDays: 30, keepMin: 7 },
    });
    expect(targets['db-restore-verify']).toEqual({
      executor: '@plinto/ready:db-restore-verify',
      cache: false,
      options: { ...storage, maxAgeDays: 8 },
    });
    const workflow = tree.read('.github/workflows/shop-backup.yml', 'utf-8')!;
    expect(await actionlintProblems(workflow, '.github/workflows/shop-backup.yml')).toEqual([]);
    const parsed = parse(workflow);
    expect(parsed.on.schedule).toEqual([{ cron: '0 3 * * *' }, { cron: '0 4 * * 0' }]);
    expect(Object.keys(parsed.jobs)).toEqual(['backup', 'verify-restore']);
    const run = parsed.jobs.backup.steps.find((s: { run?: string }) => s.run?.includes('db-backup'));
    expect(run.run).toBe('npx nx run shop:db-backup --skip-nx-cache');
    expect(run.env).toEqual({
      PG_BIN: '/usr/lib/postgresql/16/bin',
      SHOP_DB_URL: '${{ secrets.SHOP_DB_URL }}',
      AWS_ACCESS_KEY_ID: '${{ secrets.AWS_ACCESS_KEY_ID }}',
      AWS_SECRET_ACCESS_KEY: '${{ secrets.AWS_SECRET_ACCESS_KEY }}',
    });
    // The weekly verification restores on a throwaway server of the same major version, without the database secret.
    const verify = parsed.jobs['verify-restore'];
    expect(verify.services.postgres).toMatchObject({ image: 'postgres:16', env: { POSTGRES_HOST_AUTH_METHOD: 'trust' } });
    const verifyRun = verify.steps.find((s: { run?: string }) => s.run?.includes('db-restore-verify'));
    expect(verifyRun.run).toBe('npx nx run shop:db-restore-verify --skip-nx-cache --restoreUrlEnv=RESTORE_DATABASE_URL');
    expect(Object.keys(verifyRun.env).sort()).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'PG_BIN', 'RESTORE_DATABASE_URL']);
    // The targets' packages are optional peers of ours: the workspace gets them, at our ranges.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const peers = require('../../../package.json').peerDependencies;
    expect(readJson(tree, 'package.json').devDependencies).toMatchObject({
      pg: peers.pg,
      '@aws-sdk/client-s3': peers['@aws-sdk/client-s3'],
      '@aws-sdk/lib-storage': peers['@aws-sdk/lib-storage'],
    });
    const runbook = tree.read('docs/runbooks/shop-restore.md', 'utf-8')!;
    expect(runbook).toContain('s3://backups/shop/ (endpoint https://acct.r2.cloudflarestorage.com, region auto)');
    expect(runbook).toContain('older than 30 days are deleted, but the newest 7 always');
    expect(runbook).toContain('nx run shop:db-restore-verify --backup=shop/<time>/');
  });

  it('resolves the project as every generator does (the short name of a scoped one), and refuses a library in one line', async () => {
    addProjectConfiguration(tree, '@acme/web', { root: 'apps/web', projectType: 'application', targets: {} });
    tree.write('apps/web/db.ts', "import { Pool } from 'pg';\nexport const pool = new Pool();\n");
    await backupGenerator(tree, { project: 'web', bucket: 'backups' });
    expect(Object.keys(readProjectConfiguration(tree, '@acme/web').targets!)).toEqual(['db-backup', 'db-restore-verify']);
    addProjectConfiguration(tree, 'db-lib', { root: 'libs/db', projectType: 'library', targets: {} });
    tree.write('libs/db/src/index.ts', "import { Pool } from 'pg';\nexport const pool = new Pool();\n");
    const before = tree.listChanges().length;
    await expect(backupGenerator(tree, { project: 'db-lib', bucket: 'backups' })).rejects.toThrow(
      '"nx g @plinto/ready:backup" does not apply to project "db-lib": it is a library; a database is backed up where it is deployed: run this on the app that owns the database.',
    );
    expect(tree.listChanges().length).toBe(before);
    await expect(backupGenerator(tree, { project: 'shpo', bucket: 'backups' })).rejects.toThrow(
      'Project "shpo" does not exist in this workspace (did you mean "shop"?)',
    );
  });

  it('keeps the version of pg the workspace already has', async () => {
    tree.write('package.json', JSON.stringify({ name: 'ws', dependencies: { pg: '8.11.3' } }));
    await backupGenerator(tree, { project: 'shop', bucket: 'backups' });
    const pkg = readJson(tree, 'package.json');
    expect(pkg.dependencies.pg).toBe('8.11.3');
    expect(pkg.devDependencies.pg).toBeUndefined();
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(['@aws-sdk/client-s3', '@aws-sdk/lib-storage']);
  });

  it('a second run changes nothing; the team’s own file of the same name stays as it is', async () => {
    await backupGenerator(tree, { project: 'shop', bucket: 'backups' });
    const before = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    await backupGenerator(tree, { project: 'shop', bucket: 'backups' });
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(before);
    const other = createTreeWithEmptyWorkspace();
    other.write('package-lock.json', '{}');
    addProjectConfiguration(other, 'shop', { root: 'apps/shop', projectType: 'application' });
    other.write('.github/workflows/shop-backup.yml', 'name: ours\non: push\njobs: {}\n');
    await backupGenerator(other, { project: 'shop', bucket: 'backups' });
    expect(other.read('.github/workflows/shop-backup.yml', 'utf-8')).toBe('name: ours\non: push\njobs: {}\n');
    expect(other.exists('.github/workflows/plinto-shop-backup.yml')).toBe(true);
  });

  it('writes GitLab jobs GitLab’s schema accepts in a workspace that has only GitLab CI', async () => {
    tree.write('.gitlab-ci.yml', 'stages: [test]\nlint:\n  stage: test\n  script: [echo ok]\n');
    await backupGenerator(tree, { project: 'shop', bucket: 'backups', databaseUrlEnv: 'DATABASE_URL' });
    const jobs = tree.read('.gitlab/shop-backup.gitlab-ci.yml', 'utf-8')!;
    expect(
      gitlabProblems({
        '.gitlab-ci.yml': tree.read('.gitlab-ci.yml', 'utf-8')! + 'include:\n  - local: .gitlab/shop-backup.gitlab-ci.yml\n',
        '.gitlab/shop-backup.gitlab-ci.yml': jobs,
      }),
    ).toBe('');
    expect(Object.keys(parse(jobs))).toEqual(['shop-db-backup', 'shop-db-restore-verify']);
    expect(tree.read('docs/runbooks/shop-restore.md', 'utf-8')).toContain('READY_BACKUP_TASK=db-restore-verify');
  });

  it('a scoped project name (@acme/shop) is quoted where YAML needs it and named by its slug in files, jobs and artifacts', async () => {
    addProjectConfiguration(tree, '@acme/shop', { root: 'apps/acme-shop', projectType: 'application' });
    await backupGenerator(tree, { project: '@acme/shop', bucket: 'backups' });
    const workflow = tree.read('.github/workflows/acme-shop-backup.yml', 'utf-8')!;
    expect(await actionlintProblems(workflow, '.github/workflows/acme-shop-backup.yml')).toEqual([]);
    const parsed = parse(workflow);
    expect(parsed.name).toBe('@acme/shop backup');
    expect(parsed.concurrency.group).toBe('acme-shop-backup');
    expect(parsed.jobs['verify-restore'].steps.at(-1).with.name).toBe('acme-shop-restore-verification');
    expect(workflow).toContain('(docs/runbooks/acme-shop-restore.md)');
    const other = createTreeWithEmptyWorkspace();
    other.write('package-lock.json', '{}');
    other.write('.gitlab-ci.yml', 'lint:\n  script: [echo ok]\n');
    addProjectConfiguration(other, '@acme/shop', { root: 'apps/acme-shop', projectType: 'application' });
    await backupGenerator(other, { project: '@acme/shop', bucket: 'backups' });
    const jobs = other.read('.gitlab/acme-shop-backup.gitlab-ci.yml', 'utf-8')!;
    expect(
      gitlabProblems({
        '.gitlab-ci.yml': 'lint:\n  script: [echo ok]\ninclude:\n  - local: .gitlab/acme-shop-backup.gitlab-ci.yml\n',
        '.gitlab/acme-shop-backup.gitlab-ci.yml': jobs,
      }),
    ).toBe('');
    expect(parse(jobs)['acme-shop-db-backup'].script).toEqual(['npx nx run @acme/shop:db-backup --skip-nx-cache']);
    expect(parse(jobs)['acme-shop-db-restore-verify'].services).toEqual([
      { name: 'postgres:16', alias: 'restore-db', variables: { POSTGRES_HOST_AUTH_METHOD: 'trust' } },
    ]);
    expect(other.read('docs/runbooks/acme-shop-restore.md', 'utf-8')).toContain('createdb acme_shop_restored');
  });

  it.each([
    ['POSTGRES_PRISMA_URL', ['POSTGRES_PRISMA_URL']],
    ['POSTGRES_URL_NON_POOLING', ['POSTGRES_URL_POOLED', 'POSTGRES_URL_NON_POOLING']],
    ['DATABASE_URL', ['SHOP_DB_URL', 'DATABASE_URL']],
    ['PG_CONNECTION_STRING', ['PG_CONNECTION_STRING', 'NEXT_PUBLIC_SUPABASE_URL']],
  ])('takes %s as the connection URL of an app that reads %j', async (expected, names) => {
    tree.delete('apps/shop/app/db.ts');
    tree.write('apps/shop/app/db.ts', names.map((n, i) => `export const v${i} = process.env.${n};`).join('\n') + '\n');
    await backupGenerator(tree, { project: 'shop', bucket: 'backups' });
    expect(readProjectConfiguration(tree, 'shop').targets!['db-backup'].options.databaseUrlEnv).toBe(expected);
  });

  it('refuses an engine it does not support, and two jobs on one schedule, writing nothing', async () => {
    await expect(backupGenerator(tree, { project: 'shop', bucket: 'b', engine: 'mysql' as 'postgres' })).rejects.toThrow(
      '--engine=mysql is not supported: only postgres (PostgreSQL) is, for now.',
    );
    await expect(backupGenerator(tree, { project: 'shop', bucket: 'b', backupCron: '0 3 * * *', verifyCron: '0 3 * * *' })).rejects.toThrow(
      /--backupCron and --verifyCron are the same/,
    );
    for (const [cron, reason] of [
      ['0 25 * * *', 'the hour field "25" is not within 0–23'],
      ['0 3 * *', 'it has 4 field(s)'],
      ['*/0 3 * * *', 'the minute field "*/0" has a bad step'],
      ['0 3 * * FUN', 'the day of the week field "FUN"'],
    ]) {
      await expect(backupGenerator(tree, { project: 'shop', bucket: 'b', backupCron: cron })).rejects.toThrow(reason);
    }
    expect(cronProblem('30 2 1-15/2 JAN,jul MON-FRI')).toBeNull();
    expect(cronProblem('0 4 * * 7')).toBeNull();
    expect(tree.exists('.github/workflows/shop-backup.yml')).toBe(false);
    expect(readProjectConfiguration(tree, 'shop').targets!['db-backup']).toBeUndefined();
  });
});
