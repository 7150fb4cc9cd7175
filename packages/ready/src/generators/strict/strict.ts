// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { Tree, logger } from '@nx/devkit';
import { assertKnownGeneratorOptions } from '../../core/nx/known-options';
import { selectProjects } from '../../core/nx/select-projects';
import { migrateProject, planProject, projectTsConfigs } from '../../features/strict/migrate-project';
import { renderStrictSummary } from '../../features/strict/migration-table';
import { parseFlagRequest } from '../../features/strict/tsconfig-edit';
import { StrictGeneratorSchema } from './schema';

export async function strictGenerator(tree: Tree, options: StrictGeneratorSchema): Promise<void> {
  assertKnownGeneratorOptions(options, 'strict');
  const request = parseFlagRequest(options.flags);
  const selected = selectProjects(tree, options, 'strict', (p) =>
    projectTsConfigs(tree, p.config.root).length === 0
      ? `${p.config.root || '.'} has no tsconfig.json; add one (or pick another project)`
      : null,
  );
  const planned = selected.map((p) => ({ ...p, ...planProject(tree, p.name, p.config.root, request) }));
  const results = planned.map((p) => {
    const result = migrateProject(tree, {
      name: p.name,
      root: p.config.root,
      plan: p.plan,
      version: p.version,
      request,
      fix: options.fix ?? true,
    });
    for (const [file, text] of result.writes) tree.write(file, text);
    return result;
  });
  logger.info(renderStrictSummary(results, tree.root));
}

export default strictGenerator;
