import { join, posix, relative } from 'node:path';
import { ts } from 'ts-morph';
import { ReadTree, treeOverlay } from '../../core/workspace/files';
import { readTsConfig } from '../../core/workspace/tsconfig';

/**
 * The project's tsconfig `paths` (through `extends`, as tsc reads them) as a resolver: `@/app/chart`
 * → `apps/web/app/chart`. Only the first target of each pattern counts, as for a file that exists.
 */
export function aliasResolver(tree: ReadTree, projectRoot: string): (specifier: string) => string | null {
  const config = join(tree.root, projectRoot, 'tsconfig.json');
  if (!tree.exists(posix.join(projectRoot, 'tsconfig.json'))) return () => null;
  let options: ts.CompilerOptions;
  try {
    // Read through the Tree, so a generator sees the tsconfig as it is in this run.
    options = readTsConfig(config, tree.root, treeOverlay(tree), { files: false }).options;
  } catch {
    return () => null; // a broken tsconfig is reported by the checks that read it
  }
  const paths = options.paths ?? {};
  const base = (options as { pathsBasePath?: string }).pathsBasePath ?? options.baseUrl ?? join(tree.root, projectRoot);
  const patterns = Object.entries(paths).map(([key, targets]) => ({ key, target: targets[0] }));
  return (specifier) => {
    for (const { key, target } of patterns) {
      if (!target) continue;
      const star = key.indexOf('*');
      let mapped: string | null = null;
      if (star < 0) mapped = specifier === key ? target : null;
      else if (specifier.startsWith(key.slice(0, star)) && specifier.endsWith(key.slice(star + 1))) {
        mapped = target.replace('*', specifier.slice(star, specifier.length - (key.length - star - 1)));
      }
      if (mapped !== null) return relative(tree.root, join(base, mapped)).replace(/\\/g, '/');
    }
    return null;
  };
}
