import { Tree, readJson, visitNotIgnoredFiles } from '@nx/devkit';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isTestFile, isUnderIgnoredDir } from '../../utils/project-files';
import type { TextOverlay } from './tsconfig';

/**
 * What features read the workspace through: the part of Nx's `Tree` that reads. A generator hands
 * its Tree (so --dry-run and earlier changes are seen); a check hands `diskTree`, a read-only view
 * of the files as they are. Features never write through it: they return what to write.
 */
export type ReadTree = Pick<Tree, 'root' | 'read' | 'exists' | 'children' | 'isFile'>;

/** A read-only view of the workspace on disk, for checks and executors. */
/**
 * A JSON file of the tree, or null where it is missing or malformed: for readers that judge what a
 * file says, where a broken file is another tool's to report (Nx reports a bad package.json).
 */
export function readJsonIfPresent<T extends object = Record<string, unknown>>(tree: ReadTree, file: string): T | null {
  if (!tree.exists(file)) return null;
  try {
    const json = readJson<T>(tree as Tree, file);
    return json && typeof json === 'object' ? json : null;
  } catch {
    return null;
  }
}

export function diskTree(workspaceRoot: string): ReadTree {
  const abs = (path: string) => join(workspaceRoot, path);
  function read(path: string): Buffer | null;
  function read(path: string, encoding: BufferEncoding): string | null;
  function read(path: string, encoding?: BufferEncoding): Buffer | string | null {
    try {
      return encoding ? readFileSync(abs(path), encoding) : readFileSync(abs(path));
    } catch {
      return null;
    }
  }
  return {
    root: workspaceRoot,
    read,
    exists: (path) => existsSync(abs(path)),
    isFile: (path) => existsSync(abs(path)) && statSync(abs(path)).isFile(),
    children: (dir) => {
      try {
        return readdirSync(abs(dir));
      } catch {
        return [];
      }
    },
  };
}

/**
 * The files of a project whose paths match `pattern`, sorted, as .gitignore sees them and without
 * build output or dependencies: what the generators and the checks that agree with them read.
 */
export function treeFiles(tree: ReadTree, projectRoot: string, pattern: RegExp, options: { tests?: boolean } = {}): string[] {
  const listings = memoListings.get(tree);
  let all = listings?.get(projectRoot);
  if (!all) {
    const visited: string[] = [];
    // visitNotIgnoredFiles only reads (read, exists, children, isFile), so a ReadTree is enough.
    visitNotIgnoredFiles(tree as Tree, projectRoot, (path) => {
      if (!isUnderIgnoredDir(path)) visited.push(path);
    });
    all = visited.sort();
    listings?.set(projectRoot, all);
  }
  return all.filter((path) => pattern.test(path) && (options.tests !== false || !isTestFile(path)));
}

/** The file listings of memo trees, by project root: one walk per project and run. */
const memoListings = new WeakMap<ReadTree, Map<string, string[]>>();

/**
 * A read-only tree that reads each file, folder and project listing once: what the checks of one
 * `ready` run share, so that four checks reading the same sources cost one walk and one read per
 * file. Only for trees that do not change while it lives (the disk during a check run).
 */
export function memoTree(tree: ReadTree): ReadTree {
  const texts = new Map<string, string | null>();
  const buffers = new Map<string, Buffer | null>();
  const children = new Map<string, string[]>();
  const files = new Map<string, boolean>();
  const exists = new Map<string, boolean>();
  const remember = <K, V>(map: Map<K, V>, key: K, compute: () => V): V => {
    if (map.has(key)) return map.get(key) as V;
    const value = compute();
    map.set(key, value);
    return value;
  };
  function read(path: string): Buffer | null;
  function read(path: string, encoding: BufferEncoding): string | null;
  function read(path: string, encoding?: BufferEncoding): Buffer | string | null {
    if (encoding === 'utf-8' || encoding === 'utf8') return remember(texts, path, () => tree.read(path, 'utf-8'));
    if (encoding) return tree.read(path, encoding);
    return remember(buffers, path, () => tree.read(path));
  }
  const memo: ReadTree = {
    root: tree.root,
    read,
    exists: (path) => remember(exists, path, () => tree.exists(path)),
    isFile: (path) => remember(files, path, () => tree.isFile(path)),
    children: (dir) => remember(children, dir, () => tree.children(dir)),
  };
  memoListings.set(memo, new Map());
  return memo;
}

/** Is this a memo tree (whose files do not change while it lives)? */
export function isMemoTree(tree: ReadTree): boolean {
  return memoListings.has(tree);
}

/** The tree's files by absolute path, for readers (tsconfig parsing) that take paths on disk. */
export function treeOverlay(tree: ReadTree): TextOverlay {
  const rel = (abs: string) => relative(tree.root, abs).replace(/\\/g, '/');
  return { get: (abs) => tree.read(rel(abs), 'utf-8') ?? undefined, has: (abs) => tree.exists(rel(abs)) };
}
