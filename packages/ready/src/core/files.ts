import { Tree, visitNotIgnoredFiles } from '@nx/devkit';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isTestFile, isUnderIgnoredDir } from '../utils/project-files';
import type { TextOverlay } from './tsconfig';

/**
 * What features read the workspace through: the part of Nx's `Tree` that reads. A generator hands
 * its Tree (so --dry-run and earlier changes are seen); a check hands `diskTree`, a read-only view
 * of the files as they are. Features never write through it: they return what to write.
 */
export type ReadTree = Pick<Tree, 'root' | 'read' | 'exists' | 'children' | 'isFile'>;

/** A read-only view of the workspace on disk, for checks and executors. */
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
  const files: string[] = [];
  // visitNotIgnoredFiles only reads (read, exists, children, isFile), so a ReadTree is enough.
  visitNotIgnoredFiles(tree as Tree, projectRoot, (path) => {
    if (pattern.test(path) && !isUnderIgnoredDir(path) && (options.tests !== false || !isTestFile(path))) files.push(path);
  });
  return files.sort();
}

/** The tree's files by absolute path, for readers (tsconfig parsing) that take paths on disk. */
export function treeOverlay(tree: ReadTree): TextOverlay {
  const rel = (abs: string) => relative(tree.root, abs).replace(/\\/g, '/');
  return { get: (abs) => tree.read(rel(abs), 'utf-8') ?? undefined, has: (abs) => tree.exists(rel(abs)) };
}
