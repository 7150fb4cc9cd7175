import { posix } from 'node:path';

/** Where the plugin writes its results: one folder per project below it, the workspace summary in it. */
export const RESULTS_ROOT = 'dist/ready';

/** The `outputPath` option every inferred target gets (Nx substitutes `{projectRoot}`). */
export const RESULTS_OUTPUT_PATH = `${RESULTS_ROOT}/{projectRoot}`;

/**
 * The folder below dist/ready of a project at the workspace root (a single-app repository): its
 * results must not land in dist/ready itself, beside the workspace summary.
 */
export const ROOT_PROJECT_FOLDER = '_root';

/** The project's folder below dist/ready (and coverage/): its root, or `_root` for the workspace root. */
export function resultsFolderOf(projectRoot: string): string {
  return projectRoot === '.' || projectRoot === '' ? ROOT_PROJECT_FOLDER : projectRoot;
}

/**
 * Where a project's result files live: the target's `outputPath` when it has one, else
 * `dist/ready/<projectRoot>`. The one function every reader and writer of result files calls.
 * A path that comes out as dist/ready itself (Nx put "." for the root project's {projectRoot}) is
 * the root project's folder.
 */
export function resultsDirFor(projectRoot: string, outputPath: string = RESULTS_OUTPUT_PATH): string {
  const dir = posix.normalize(outputPath.replace(/\{projectRoot\}/g, resultsFolderOf(projectRoot)).replace(/\\/g, '/')).replace(/\/$/, '');
  return dir === RESULTS_ROOT ? `${RESULTS_ROOT}/${ROOT_PROJECT_FOLDER}` : dir;
}
