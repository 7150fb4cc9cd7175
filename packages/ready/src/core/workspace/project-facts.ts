import { posix } from 'node:path';
import { ReadTree, readJsonIfPresent, treeFiles } from './files';

/**
 * Facts about a project that every layer asks: is it a Next.js app, which framework, where its
 * jest config is, is it an app. Each is decided here once, from the project's files.
 */
export const NEXT_CONFIG_PATTERN = /^next\.config\.(js|ts|mjs|cjs|mts|cts)$/;

const JEST_CONFIG_NAMES = ['ts', 'js', 'cjs', 'mjs', 'cts', 'mts'].map((ext) => `jest.config.${ext}`);

/** Is this path (workspace-relative) a next.config.* file? */
export function isNextConfigFile(path: string): boolean {
  return NEXT_CONFIG_PATTERN.test(posix.basename(path));
}

/** The project's `next.config.*` file name, if it has one. */
export function findNextConfig(tree: ReadTree, projectRoot: string): string | null {
  return tree.children(projectRoot).find((name) => NEXT_CONFIG_PATTERN.test(name)) ?? null;
}

/** The workspace-relative path of the project's `next.config.*`, if it has one. */
export function nextConfigPath(tree: ReadTree, projectRoot: string): string | null {
  const name = findNextConfig(tree, projectRoot);
  return name ? posix.join(projectRoot, name) : null;
}

/** A Next.js app: a project with its own next.config.* (what `next build` needs). */
export function isNextProject(tree: ReadTree, projectRoot: string): boolean {
  return findNextConfig(tree, projectRoot) !== null;
}

/** The project's `jest.config.*` file name, if it has one. */
export function findJestConfig(tree: ReadTree, projectRoot: string): string | null {
  const names = new Set(tree.children(projectRoot));
  return JEST_CONFIG_NAMES.find((name) => names.has(name)) ?? null;
}

// Vitest's own lookup order (not jest's): where two configs exist, the one Vitest would load.
const CONFIG_EXTENSIONS = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'];
const VITEST_CONFIG_NAMES = CONFIG_EXTENSIONS.map((ext) => `vitest.config.${ext}`);
const VITE_CONFIG_NAMES = CONFIG_EXTENSIONS.map((ext) => `vite.config.${ext}`);

/**
 * The project's Vitest config file name: a `vitest.config.*`, or a `vite.config.*` with a `test`
 * section (Vitest reads it then; a Vite config without one is only a build config).
 */
export function findVitestConfig(tree: ReadTree, projectRoot: string): string | null {
  const names = new Set(tree.children(projectRoot));
  const vitest = VITEST_CONFIG_NAMES.find((name) => names.has(name));
  if (vitest) return vitest;
  return (
    VITE_CONFIG_NAMES.find((name) => names.has(name) && /\btest\s*:/.test(tree.read(posix.join(projectRoot, name), 'utf-8') ?? '')) ?? null
  );
}

export interface TestRunnerConfig {
  runner: 'jest' | 'vitest';
  /**
   * The config's file name in the project root: a jest or Vitest config file, or package.json when
   * jest is configured under its "jest" key; null when the runner runs on its defaults (Vitest
   * needs no config file, nor does jest).
   */
  config: string | null;
}

/** A package.json `test` script that runs vitest or jest (through npx, pnpm exec or yarn too). */
const TEST_SCRIPT_RUNNER = /(?:^|[\s;&|(])(?:npx\s+|pnpm\s+(?:exec\s+)?|yarn\s+|bunx\s+)?(vitest|jest)(?=\s|$|;|&)/;

/**
 * How the project's tests run: its own config file (jest first, the older setup wins where both
 * are, then Vitest), else jest configured in package.json, else the runner its `test` script calls
 * with the runner's defaults.
 */
export function findTestRunner(tree: ReadTree, projectRoot: string): TestRunnerConfig | null {
  const jest = findJestConfig(tree, projectRoot);
  if (jest) return { runner: 'jest', config: jest };
  const vitest = findVitestConfig(tree, projectRoot);
  if (vitest) return { runner: 'vitest', config: vitest };
  const pkg = readJsonIfPresent<{ jest?: unknown; scripts?: { test?: unknown } }>(tree, posix.join(projectRoot, 'package.json'));
  if (pkg?.jest && typeof pkg.jest === 'object') return { runner: 'jest', config: 'package.json' };
  const script = typeof pkg?.scripts?.test === 'string' ? TEST_SCRIPT_RUNNER.exec(pkg.scripts.test) : null;
  return script ? { runner: script[1] as 'jest' | 'vitest', config: null } : null;
}

export type Framework = 'next' | 'react';

/**
 * 'next' for Next.js apps and for libraries that depend on next, 'react' for other React projects
 * (a react dependency, or .tsx/.jsx sources under src/), null for anything else.
 */
export function frameworkOf(tree: ReadTree, projectRoot: string): Framework | null {
  if (isNextProject(tree, projectRoot)) return 'next';
  const deps = packageDependencies(tree, projectRoot);
  if (deps.has('next')) return 'next';
  if (deps.has('react')) return 'react';
  if (tree.children(projectRoot).includes('src') && treeFiles(tree, projectRoot, /\.(tsx|jsx)$/).length > 0) return 'react';
  return null;
}

/** An application: declared so in its configuration, or a Next.js app. */
export function isApp(tree: ReadTree, projectRoot: string, projectType?: string): boolean {
  return projectType === 'application' || isNextProject(tree, projectRoot);
}

/** Names of every dependency (runtime, peer and dev) the project's own package.json declares. */
export function packageDependencies(tree: ReadTree, projectRoot: string): Set<string> {
  const json = readJsonIfPresent<{ dependencies?: object; peerDependencies?: object; devDependencies?: object }>(
    tree,
    posix.join(projectRoot, 'package.json'),
  );
  return new Set([
    ...Object.keys(json?.dependencies ?? {}),
    ...Object.keys(json?.peerDependencies ?? {}),
    ...Object.keys(json?.devDependencies ?? {}),
  ]);
}

/** Files that configure tools rather than hold a project's code: `*.config.*`, `.*rc.*`, declarations. */
const CONFIG_FILE = /(^|\/)([^/]+\.config\.[cm]?[jt]s|\.[^/]+rc\.[cm]?js|[^/]+\.d\.[cm]?ts)$/;
const CODE_FILE = /\.[cm]?[jt]sx?$/;
/** A package that exists to share configuration: `@repo/eslint-config`, `typescript-config`, `tsconfig`. */
const CONFIG_PACKAGE_NAME = /(^|[/@-])(tsconfig|config)$/;

/**
 * Whether the project has code to test and lint: a source file that is not a tool's config, in a
 * package that is not a shared-config package (a tsconfig, tailwind or eslint config package is
 * JSON and config modules: "no tests" there is not a finding). A library with code and no tests is.
 */
export function hasCodeToTest(tree: ReadTree, projectRoot: string): boolean {
  const name = String(readJsonIfPresent<{ name?: unknown }>(tree, posix.join(projectRoot, 'package.json'))?.name ?? '');
  if (CONFIG_PACKAGE_NAME.test(name)) return false;
  return treeFiles(tree, projectRoot, CODE_FILE).some((file) => !CONFIG_FILE.test(file));
}
