import { escapeRegExp } from './regexp';

/** Folders that never hold a project's own sources. */
const IGNORED_DIRS = ['node_modules', '.next', 'dist', 'out', 'out-tsc', 'coverage', '.nx', '.git', '.turbo'];

const UNDER_IGNORED_DIR = new RegExp(`(^|/)(${IGNORED_DIRS.map(escapeRegExp).join('|')})/`);

/** Is the path inside build output, dependencies or tool caches? */
export function isUnderIgnoredDir(path: string): boolean {
  return UNDER_IGNORED_DIR.test(path);
}

/** Test files and mocks: code that never ships, which codemods and checks leave aside. */
export function isTestFile(path: string): boolean {
  return /(^|\/)(__tests__|__mocks__|specs?|test|tests)\//.test(path) || /\.(spec|test|stories)\.[cm]?[jt]sx?$/.test(path);
}
