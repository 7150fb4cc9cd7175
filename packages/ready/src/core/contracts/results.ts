import { posix } from 'node:path';

/** Where the plugin writes its results: one folder per project below it, the workspace summary in it. */
export const RESULTS_ROOT = 'dist/ready';

/** The `outputPath` option every inferred target gets (Nx substitutes `{projectRoot}`). */
export const RESULTS_OUTPUT_PATH = `${RESULTS_ROOT}/{projectRoot}`;

/**
 * Where a project's result files live: the target's `outputPath` when it has one, else
 * `dist/ready/<projectRoot>`. The one function every reader and writer of result files calls.
 */
export function resultsDirFor(projectRoot: string, outputPath: string = RESULTS_OUTPUT_PATH): string {
  return posix.normalize(outputPath.replace(/\{projectRoot\}/g, projectRoot).replace(/\\/g, '/')).replace(/\/$/, '');
}
