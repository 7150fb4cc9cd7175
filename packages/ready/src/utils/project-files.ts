import { Tree, visitNotIgnoredFiles } from '@nx/devkit';
import { readdirSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Folders that never hold a project's own sources. */
const IGNORED_DIRS = new Set(['node_modules', '.next', 'dist', 'out', 'out-tsc', 'coverage', '.nx', '.git', '.turbo']);

/**
 * Workspace-relative paths ('/'-separated) of the files under a project root whose names end with
 * one of `extensions`, sorted, without build output or dependencies.
 */
export function listProjectFiles(workspaceRoot: string, projectRoot: string, extensions: string[]): string[] {
  const out: string[] = [];
  const walk = (relDir: string) => {
    let entries;
    try {
      entries = readdirSync(join(workspaceRoot, relDir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = relDir === '.' || relDir === '' ? entry.name : posix.join(relDir, entry.name);
      if (entry.isDirectory()) {
        if (!IGNORED_DIRS.has(entry.name)) walk(rel);
      } else if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext))) {
        out.push(rel);
      }
    }
  };
  walk(projectRoot);
  return out.sort();
}

const UNDER_IGNORED_DIR = new RegExp(`(^|/)(${[...IGNORED_DIRS].map((d) => d.replace('.', '\\.')).join('|')})/`);

/**
 * The files of a project in the Nx Tree whose paths match `pattern`, sorted, as .gitignore and the
 * Tree see them and without build output or dependencies: what the generators and the checks that
 * run them read.
 */
export function treeFiles(tree: Tree, projectRoot: string, pattern: RegExp, options: { tests?: boolean } = {}): string[] {
  const files: string[] = [];
  visitNotIgnoredFiles(tree, projectRoot, (path) => {
    if (pattern.test(path) && !UNDER_IGNORED_DIR.test(path) && (options.tests !== false || !isTestFile(path))) files.push(path);
  });
  return files.sort();
}

/** Test files and mocks: code that never ships, which codemods and checks leave aside. */
export function isTestFile(path: string): boolean {
  return /(^|\/)(__tests__|__mocks__|specs?|test|tests)\//.test(path) || /\.(spec|test|stories)\.[cm]?[jt]sx?$/.test(path);
}
