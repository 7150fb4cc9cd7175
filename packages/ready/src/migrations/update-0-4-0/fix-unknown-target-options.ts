// First: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { Tree, getProjects, logger, readNxJson } from '@nx/devkit';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { closestOption, executorOptionNames } from '../../core/nx/known-options';
import { NormalizedPluginOptions, normalizePluginOptions, pluginExecutorOf } from '../../core/nx/plugin-options';
import { PLUGIN_NAME } from '../../core/contracts/versions';

/**
 * 0.4.0: options of the plugin's targets that no executor reads are errors now (an unknown option
 * fails in one line, in nx.json and project files as on the command line). This migration renames
 * each one that is a slip of a known option (`updatebaseline` → `updateBaseline`), in nx.json
 * targetDefaults and in project.json / package.json "nx" targets, where the known one is not set
 * already; any other is left as it is and reported with file:line and the reason. A workspace
 * without such options is not touched.
 */
export default async function fixUnknownTargetOptions(tree: Tree): Promise<void> {
  const lines: string[] = [];
  const options = pluginOptions(tree);
  const files: Array<{ file: string; targetsAt: string[] }> = [{ file: 'nx.json', targetsAt: ['targetDefaults'] }];
  for (const [, config] of getProjects(tree)) {
    const root = config.root === '' ? '.' : config.root;
    const projectJson = root === '.' ? 'project.json' : `${root}/project.json`;
    const packageJson = root === '.' ? 'package.json' : `${root}/package.json`;
    if (tree.exists(projectJson)) files.push({ file: projectJson, targetsAt: ['targets'] });
    if (tree.exists(packageJson)) files.push({ file: packageJson, targetsAt: ['nx', 'targets'] });
  }
  for (const { file, targetsAt } of files) fixFile(tree, file, targetsAt, options, lines);
  logger.info(
    lines.length > 0 ? lines.join('\n') : '@plinto/ready 0.4.0 migration: every option of its targets is one they read; nothing to do.',
  );
}

/** The plugin entry's options in nx.json (found as the ci generator finds it), normalized. */
function pluginOptions(tree: Tree): NormalizedPluginOptions {
  const entry = (readNxJson(tree)?.plugins ?? []).find((p) => (typeof p === 'string' ? p : p.plugin) === PLUGIN_NAME);
  return normalizePluginOptions(entry && typeof entry === 'object' ? (entry.options as object | undefined) : undefined);
}

type OptionSet = Record<string, unknown>;
type Target = { executor?: unknown; options?: OptionSet; configurations?: Record<string, OptionSet> };

function fixFile(tree: Tree, file: string, targetsAt: string[], pluginOptions: NormalizedPluginOptions, lines: string[]): void {
  const text = tree.read(file, 'utf-8')!;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text);
  } catch {
    return; // a file that does not parse is Nx's to report
  }
  const targets = targetsAt.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], json) as
    | Record<string, Target | Target[]>
    | undefined;
  if (!targets || typeof targets !== 'object') return;
  const lineOf = lineFinder(text);
  let changed = false;
  for (const [name, value] of Object.entries(targets)) {
    const entries = Array.isArray(value) ? value : [value];
    entries.forEach((target, i) => {
      if (!target || typeof target !== 'object') return;
      // nx.json targetDefaults may be keyed by the executor itself.
      const executor = pluginExecutorOf(name, name.startsWith('@plinto/ready:') ? { executor: name } : target, pluginOptions);
      if (!executor) return;
      const known = executorOptionNames(executor);
      const at = [...targetsAt, name, ...(Array.isArray(value) ? [i] : [])];
      const sets: Array<[OptionSet | undefined, Array<string | number>]> = [
        [target.options, [...at, 'options']],
        ...Object.entries(target.configurations ?? {}).map(([c, set]): [OptionSet, Array<string | number>] => [
          set,
          [...at, 'configurations', c],
        ]),
      ];
      for (const [set, path] of sets) {
        if (!set || typeof set !== 'object') continue;
        for (const key of Object.keys(set)) {
          if (known.includes(key)) continue;
          const where = `${file}:${lineOf([...path, key])}`;
          const near = closestOption(key, known);
          if (near && !(near in set)) {
            set[near] = set[key];
            delete set[key];
            changed = true;
            lines.push(`  renamed ${where}: ${key} → ${near} (@plinto/ready:${executor} reads ${near})`);
          } else {
            lines.push(
              `  left    ${where}: ${key} is not an option of @plinto/ready:${executor}${near ? ` (${near} is set already)` : ''}; remove it, or rename it to one of its options`,
            );
          }
        }
      }
    });
  }
  if (changed) tree.write(file, JSON.stringify(json, null, 2) + '\n');
}

/** The 1-based line of a JSON path in the file's text (1 when it cannot be found). */
function lineFinder(text: string): (path: Array<string | number>) => number {
  const root = parseTree(text);
  return (path) => {
    const node = root ? findNodeAtLocation(root, path) : undefined;
    return node ? text.slice(0, node.parent?.offset ?? node.offset).split('\n').length : 1;
  };
}
