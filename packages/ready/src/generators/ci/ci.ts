// First: what this entry loads next compiles from V8's code cache (Node ≥ 22).
import '../../utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import '../../utils/devkit-installed';
import { Tree, formatFiles, getPackageManagerVersion, logger, readNxJson } from '@nx/devkit';
import { assertKnownGeneratorOptions } from '../../core/nx/known-options';
import { DEFAULT_TARGET_NAMES } from '../../core/contracts/defaults';
import { RESULTS_ROOT } from '../../core/contracts/results';
import { PLUGIN_NAME } from '../../core/contracts/versions';
import { planCi } from '../../features/ci/plan';
import { CiGeneratorSchema } from './schema';

/**
 * `nx g @plinto/ready:ci`: the workflow that runs `nx affected -t ready` on every pull request and
 * push to the default branch, for the workspace's CI provider and package manager.
 */
export async function ciGenerator(tree: Tree, options: CiGeneratorSchema): Promise<void> {
  assertKnownGeneratorOptions(options, 'ci');
  const plan = planCi(tree, {
    provider: options.provider ?? 'github',
    target: readyTargetName(tree),
    job: options.job ?? 'ready',
    parallel: options.parallel ?? 2,
    resultsRoot: RESULTS_ROOT,
    pnpmVersion: pnpmVersion(tree),
  });
  for (const [file, text] of plan.writes) tree.write(file, text);
  logger.info(plan.lines.join('\n'));
  if (options.skipFormat === false) await formatFiles(tree);
}

/** The ready target's name: the plugin entry's readyTargetName, else "ready". */
function readyTargetName(tree: Tree): string {
  const entry = (readNxJson(tree)?.plugins ?? []).find((p) => (typeof p === 'string' ? p : p.plugin) === PLUGIN_NAME);
  const name =
    entry && typeof entry === 'object' ? (entry.options as { readyTargetName?: unknown } | undefined)?.readyTargetName : undefined;
  return typeof name === 'string' && name !== '' ? name : DEFAULT_TARGET_NAMES.ready;
}

function pnpmVersion(tree: Tree): string | undefined {
  if (!tree.exists('pnpm-lock.yaml')) return undefined;
  try {
    return getPackageManagerVersion('pnpm', tree.root);
  } catch {
    return undefined;
  }
}

export default ciGenerator;
