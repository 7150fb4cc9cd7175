// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
import { Tree, formatFiles, logger, readProjectConfiguration, updateProjectConfiguration } from '@nx/devkit';
import { planBackup } from '../../features/backup/plan';
import { BackupGeneratorSchema } from './schema';

/**
 * `nx g @plinto/ready:backup --project=<app> --bucket=<bucket>`: the db-backup and
 * db-restore-verify targets, the CI workflow that runs them on a schedule, and the restore runbook.
 */
export async function backupGenerator(tree: Tree, options: BackupGeneratorSchema): Promise<void> {
  const project = readProjectConfiguration(tree, options.project);
  const plan = planBackup(tree, { name: options.project, root: project.root }, options);
  updateProjectConfiguration(tree, options.project, { ...project, targets: { ...project.targets, ...plan.targets } });
  for (const [file, text] of plan.writes) tree.write(file, text);
  logger.info(plan.lines.join('\n'));
  if (options.skipFormat === false) await formatFiles(tree);
}

export default backupGenerator;
