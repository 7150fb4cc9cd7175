import { Check, checkTree, skip } from '../../core/contracts/check';
import { isApp } from '../../core/workspace/project-facts';

/**
 * Backups proven by a restore: the newest verified restore (db-restore-verify's record in storage)
 * within the configured age. Projects without a database skip; a database without the targets fails.
 */
export const backupCheck: Check = {
  id: 'backup',
  title: 'Backups proven by a restore',
  defaultWeight: 10,
  async run(context) {
    // Loaded when the check runs: the storage client.
    const { assessBackups } = await import('./assess');
    const tree = checkTree(context);
    const externalDependencies = (context.projectGraph?.dependencies[context.projectName] ?? [])
      .filter((d) => d.target.startsWith('npm:'))
      .map((d) => context.projectGraph?.externalNodes?.[d.target]?.data.packageName ?? d.target.slice(4));
    const a = await assessBackups(
      tree,
      { root: context.projectRoot, isApp: isApp(tree, context.projectRoot, context.projectType), externalDependencies },
      context.targets,
    );
    const verify = `nx run ${context.projectName}:db-restore-verify`;
    switch (a.state) {
      case 'no-database':
        return skip(`No database to back up: ${a.reason}.`);
      case 'not-configured':
        return {
          status: 'fail',
          score: 0,
          metric: { value: 0, unit: 'verified restores', text: 'no backup configured' },
          details: [{ message: `The project has a database (${a.evidence}) and no db-backup / db-restore-verify targets.` }],
          fix: `nx g @plinto/ready:backup --project=${context.projectName} --bucket=<bucket>`,
          ratchet: { 'verified restore': { value: 0, better: 'higher' } },
        };
      case 'verified':
        return {
          status: 'pass',
          score: 100,
          metric: { value: a.ageDays, unit: 'days since the last verified restore', text: `restore verified ${a.ageDays} day(s) ago` },
          details: [{ message: `${a.record.backupKey}: ${a.record.tables.length} table(s) restored as the manifest says (${a.source}).` }],
          fix: null,
          ratchet: { 'verified restore': { value: 1, better: 'higher' } },
        };
      case 'stale':
        return {
          status: 'fail',
          score: 40,
          metric: {
            value: a.ageDays,
            unit: 'days since the last verified restore',
            text: `last verified restore ${a.ageDays} day(s) ago (at most ${a.maxAgeDays})`,
          },
          details: [{ message: `The newest verified restore (${a.record.backupKey}) is older than ${a.maxAgeDays} days (${a.source}).` }],
          fix: verify,
          ratchet: { 'verified restore': { value: 0, better: 'higher' } },
        };
      case 'verification-failed':
        return {
          status: 'fail',
          score: 0,
          metric: { value: a.record.mismatches.length, unit: 'mismatches', text: 'the last restore verification failed' },
          details: a.record.mismatches.map((m) => ({ message: `${a.record.backupKey || 'backup'}: ${m}` })),
          fix: verify,
          ratchet: { 'verified restore': { value: 0, better: 'higher' } },
        };
      case 'backups-only':
        return {
          status: 'warn',
          score: 50,
          metric: { value: a.count, unit: 'backups', text: `${a.count} backup(s), none proven by a restore` },
          details: [{ message: `${a.where} holds ${a.count} backup(s); no restore of one was ever verified.` }],
          fix: verify,
          ratchet: { 'verified restore': { value: 0, better: 'higher' } },
        };
      case 'none':
        return {
          status: 'fail',
          score: 0,
          metric: { value: 0, unit: 'backups', text: 'no backup' },
          details: [{ message: `${a.where} holds no backup.` }],
          fix: `nx run ${context.projectName}:db-backup`,
          ratchet: { 'verified restore': { value: 0, better: 'higher' } },
        };
      case 'unknown':
        return {
          status: 'warn',
          score: 50,
          metric: null,
          details: [{ message: `Cannot tell whether a restore was verified: ${a.why}.` }],
          fix: verify,
        };
    }
  },
};
