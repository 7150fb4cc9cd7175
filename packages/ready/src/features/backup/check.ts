import { CheckOutcome, CheckStatus, defineCheck, checkTree, skip, projectArg } from '../../core/contracts/check';
import { isApp } from '../../core/workspace/project-facts';

/**
 * Backups proven by a restore: the newest verified restore (db-restore-verify's record in storage)
 * within the configured age. Projects without a database skip; a database without the targets fails.
 */
export const backupCheck = defineCheck({ id: 'backup', title: 'Backups proven by a restore', defaultWeight: 10 }, async (context) => {
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
  const days = 'days since the last verified restore';
  switch (a.state) {
    case 'no-database':
      return skip(`No database to back up: ${a.reason}.`);
    case 'unsupported-engine':
      return skip(`Backups do not apply: the datasource is ${a.engine} (${a.evidence}), and ${a.engine} is not supported yet.`);
    case 'not-configured':
      return judged(
        ['fail', 0],
        [0, 'verified restores', 'no backup configured'],
        [`The project has a database (${a.evidence}) and no db-backup / db-restore-verify targets.`],
        `nx g @plinto/ready:backup --project=${projectArg(context)} --bucket=<bucket>`,
      );
    case 'verified':
      return judged(
        ['pass', 100],
        [a.ageDays, days, `restore verified ${a.ageDays} day(s) ago`],
        [`${a.record.backupKey}: ${a.record.tables.length} table(s) restored as the manifest says (${a.source}).`],
        null,
      );
    case 'stale':
      return judged(
        ['fail', 40],
        [a.ageDays, days, `last verified restore ${a.ageDays} day(s) ago (at most ${a.maxAgeDays})`],
        [`The newest verified restore (${a.record.backupKey}) is older than ${a.maxAgeDays} days (${a.source}).`],
        verify,
      );
    case 'verification-failed':
      return judged(
        ['fail', 0],
        [a.record.mismatches.length, 'mismatches', 'the last restore verification failed'],
        a.record.mismatches.map((m) => `${a.record.backupKey || 'backup'}: ${m}`),
        verify,
      );
    case 'backups-only':
      return judged(
        ['warn', 50],
        [a.count, 'backups', `${a.count} backup(s), none proven by a restore`],
        [`${a.where} holds ${a.count} backup(s); no restore of one was ever verified.`],
        verify,
      );
    case 'none':
      return judged(['fail', 0], [0, 'backups', 'no backup'], [`${a.where} holds no backup.`], `nx run ${context.projectName}:db-backup`);
    case 'unknown':
      return {
        status: 'warn',
        score: 50,
        metric: null,
        details: [{ message: `Cannot tell whether a restore was verified: ${a.why}.` }],
        fix: verify,
      };
  }
});

/**
 * A judged state of the backups: its status and score, its figure, what was found, the fix, and the
 * figure the baseline holds: whether a restore is verified (a pass) or not.
 */
function judged(
  [status, score]: [CheckStatus, number],
  [value, unit, text]: [number, string, string],
  found: string[],
  fix: string | null,
): CheckOutcome {
  return {
    status,
    score,
    metric: { value, unit, text },
    details: found.map((message) => ({ message })),
    fix,
    ratchet: { 'verified restore': { value: status === 'pass' ? 1 : 0, better: 'higher' } },
  };
}
