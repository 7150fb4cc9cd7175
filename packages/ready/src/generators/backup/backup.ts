// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import {
  GeneratorCallback,
  Tree,
  addDependenciesToPackageJson,
  formatFiles,
  installPackagesTask,
  logger,
  updateProjectConfiguration,
} from '@nx/devkit';
import { assertKnownGeneratorOptions } from '../../core/nx/known-options';
import { selectProjects } from '../../core/nx/select-projects';
import { isApp } from '../../core/workspace/project-facts';
import { backupPackageVersions } from '../../features/backup/packages';
import { planBackup } from '../../features/backup/plan';
import { scanEnv } from '../../features/env/scan';
import { BackupGeneratorSchema } from './schema';

/**
 * `nx g @plinto/ready:backup --project=<app> --bucket=<bucket>`: the db-backup and
 * db-restore-verify targets, the CI workflow that runs them on a schedule, and the restore runbook.
 * The targets' packages (pg, the AWS SDK's S3 client) are optional peers of @plinto/ready: added
 * here to the workspace's devDependencies (versions it already has are kept), and installed with
 * its own package manager unless --skipInstall.
 */
export async function backupGenerator(tree: Tree, options: BackupGeneratorSchema): Promise<GeneratorCallback> {
  assertKnownGeneratorOptions(options, 'backup');
  // The project as every generator resolves it (`web` for `@ws/web`); an app only: a library's
  // database is its app's, and the backup check would call a workflow planned for it misplaced.
  const [{ name, config: project }] = selectProjects(tree, { project: options.project }, 'backup', (p) =>
    isApp(tree, p.config.root, p.config.projectType)
      ? null
      : 'it is a library; a database is backed up where it is deployed: run this on the app that owns the database',
  );
  const target = { name, root: project.root };
  const plan = planBackup(tree, target, options, () => scanEnv(tree, target, null).variables);
  updateProjectConfiguration(tree, name, { ...project, targets: { ...project.targets, ...plan.targets } });
  for (const [file, text] of plan.writes) tree.write(file, text);
  const before = tree.read('package.json', 'utf-8');
  addDependenciesToPackageJson(tree, {}, backupPackageVersions(), 'package.json', true);
  const added = tree.read('package.json', 'utf-8') !== before;
  if (added) plan.lines.push(`  devDependencies: ${Object.keys(backupPackageVersions()).join(', ')} → package.json`);
  logger.info(plan.lines.join('\n'));
  if (options.skipFormat === false) await formatFiles(tree);
  return options.skipInstall || !added ? () => undefined : () => installPackagesTask(tree, true);
}

export default backupGenerator;
