// First: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { Tree, formatFiles, getProjects, logger } from '@nx/devkit';
import { splitProject, splittingNotApplicable } from '../../features/code-splitting';

/**
 * 0.3.0: the dynamic-import codemod over every Next.js and React project, with the built-in list
 * of heavy modules. Idempotent (a converted import is no longer a static import).
 */
export default async function splitHeavyImports(tree: Tree): Promise<void> {
  const lines: string[] = [];
  for (const [name, config] of getProjects(tree)) {
    if (config.root === '.' || config.root === '' || splittingNotApplicable(tree, config.root)) continue;
    const r = splitProject(tree, { name, root: config.root }, { modules: [], components: new Map(), ssr: 'keep' });
    for (const [file, text] of r.writes) tree.write(file, text);
    lines.push(`${name}: ${r.changes.length} converted, ${r.skips.length} left alone`);
    lines.push(
      ...r.changes.map((c) => `  converted ${c.file}:${c.line}: ${c.message}`),
      ...r.skips.map((s) => `  skipped   ${s.file}:${s.line}: ${s.message}`),
    );
  }
  logger.info(lines.length > 0 ? lines.join('\n') : '@plinto/ready dynamic-import migration: no Next.js or React project, nothing to do.');
  await formatFiles(tree);
}
