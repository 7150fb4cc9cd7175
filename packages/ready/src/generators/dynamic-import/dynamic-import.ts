// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { GeneratorCallback, Tree, formatFiles, logger, runTasksInSerial } from '@nx/devkit';
import { assertKnownGeneratorOptions } from '../../core/nx/known-options';
import { spawnSync } from 'node:child_process';
import { diskTree } from '../../core/workspace/files';
import { selectProjects } from '../../core/nx/select-projects';
import { RouteSizes, readRouteSizes } from '../../features/build/route-sizes';
import { parseComponents, splitProject, splittingNotApplicable } from '../../features/code-splitting';
import { kb } from '../../utils/format';
import { skipsByReason } from '../../codemods/run';
import { safetyNetLines, typeCheckWrites } from '../../features/safety-net/new-type-errors';
import { DynamicImportGeneratorSchema } from './schema';

/**
 * After the files are written (never on --dry-run): rebuild and measure through the project's own
 * build-production target, then print each route's first-load JS before → after.
 */
function measureAfter(workspaceRoot: string, project: string, root: string, before: RouteSizes): GeneratorCallback {
  return () => {
    const r = spawnSync('npx', ['nx', 'run', `${project}:build-production`, '--output-style=static'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
      env: process.env,
    });
    const after = readRouteSizes(diskTree(workspaceRoot), root);
    if (r.status !== 0 && !after) {
      logger.warn(
        `${project}: could not rebuild to measure after (nx run ${project}:build-production exited ${r.status}); run it yourself.`,
      );
      return;
    }
    const lines = [`${project}: first-load JS per route (gzip), before → after`];
    for (const [route, size] of after ?? []) {
      const was = before.get(route);
      lines.push(
        `  ${route}: ${was === undefined ? 'new' : kb(was)} → ${kb(size)}${was !== undefined && was !== size ? ` (${size < was ? '-' : '+'}${kb(Math.abs(size - was))})` : ''}`,
      );
    }
    logger.info(lines.join('\n'));
  };
}

export async function dynamicImportGenerator(tree: Tree, options: DynamicImportGeneratorSchema): Promise<GeneratorCallback> {
  assertKnownGeneratorOptions(options, 'dynamic-import');
  const measures: GeneratorCallback[] = [];
  const projects = selectProjects(tree, options, 'dynamic-import', (p) => splittingNotApplicable(tree, p.config.root));
  const modules = (options.modules ?? []).map((s) => s.trim()).filter(Boolean);
  const lines: string[] = [];
  for (const p of projects) {
    const components = parseComponents(tree, p.config.root, options.components);
    const r = splitProject(tree, { name: p.name, root: p.config.root }, { modules, components, ssr: options.ssr ?? 'keep' });
    const checked = typeCheckWrites(tree, p.config.root, r.writes);
    for (const [file, text] of checked.writes) tree.write(file, text);
    lines.push(`${p.name} (${r.framework}): ${r.changes.length} converted, ${r.skips.length} skipped, ${r.filesParsed} file(s) parsed`);
    if (r.skips.length > 0) lines.push(`${p.name} skipped by reason: ${skipsByReason(r.skips)}`);
    lines.push(...safetyNetLines(checked));
    lines.push(...r.changes.map((c) => `  converted ${c.file}:${c.line}: ${c.message}`));
    lines.push(...r.skips.map((s) => `  skipped   ${s.file}:${s.line}: ${s.message}`));
    lines.push(...r.warnings.map((w) => `  warning   ${w.file}:${w.line}: ${w.message}`));
    // Modules that would not resolve: the app's dependencies are not installed. Said once, with what to do.
    const unresolved = new Set(
      [...r.changes, ...r.skips].flatMap((x) => /(\S+) \(size unknown: Could not resolve/.exec(x.message)?.[1] ?? []),
    );
    if (unresolved.size > 0)
      lines.push(
        `  install the app's dependencies to weigh modules: ${unresolved.size} module(s) could not be resolved (${[...unresolved].sort().join(', ')}), so the list judged them, and packages off the list were not weighed`,
      );
    const light = r.skips.filter((x) => x.reason === 'light-module').length;
    if (light > 0) lines.push(`  ${light} import(s) of listed or named modules skipped as light (measured under 20 kB gzip)`);
    if (r.changes.length > 0 && r.framework === 'next') {
      const before = readRouteSizes(tree, p.config.root);
      if (before && options.measure !== false) {
        lines.push(
          ...[...before].map(([route, size]) => `  before: ${route} ${kb(size)} gzip first-load JS`),
          '  after: measured once the files are written (nx run build-production)',
        );
        measures.push(measureAfter(tree.root, p.name, p.config.root, before));
      } else {
        lines.push(`  measure: run "nx run ${p.name}:build-production" before and after to see each route's first-load JS`);
      }
    }
  }
  logger.info(lines.join('\n'));
  if (!options.skipFormat) await formatFiles(tree);
  return runTasksInSerial(...measures);
}

export default dynamicImportGenerator;
