import { posix } from 'node:path';

/** Where a project's result files live: `dist/ready/<projectRoot>` unless a target says otherwise. */
export function resultsDirFor(projectRoot: string, outputPath = 'dist/ready/{projectRoot}'): string {
  return posix.normalize(outputPath.replace(/\{projectRoot\}/g, projectRoot).replace(/\\/g, '/')).replace(/\/$/, '');
}
