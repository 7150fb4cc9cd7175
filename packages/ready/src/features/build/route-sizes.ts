import { posix } from 'node:path';
import { ReadTree } from '../../core/workspace/files';
import { resultsDirFor } from '../../core/contracts/results';
import { BUILD_PRODUCTION_FILE } from './files';

export type RouteSizes = Map<string, number>;

/** First-load JS (gzip bytes) per route from the project's last build-production run, if any. */
export function readRouteSizes(tree: ReadTree, projectRoot: string, outputPath?: string): RouteSizes | null {
  const text = tree.read(posix.join(resultsDirFor(projectRoot, outputPath), BUILD_PRODUCTION_FILE), 'utf-8');
  if (!text) return null;
  try {
    const report = JSON.parse(text) as { routes: Array<{ route: string; firstLoadJs: { gzip: number } }> };
    return new Map(report.routes.map((r) => [r.route, r.firstLoadJs.gzip]));
  } catch {
    return null;
  }
}
