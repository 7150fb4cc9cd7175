import { CI_FOLDERS, CI_ROOT_FILES } from '../features/ci/files';
import { TargetConfiguration } from '@nx/devkit';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diskTree } from '../core/workspace/files';
import { readJsonFile, readJsonIfValid } from '../utils/json';
import { TestRunnerConfig, findNextConfig, findTestRunner } from '../core/workspace/project-facts';
import { extendedConfigFiles, listProjectTsConfigs } from '../core/workspace/tsconfig';

/** What the plugin needs to know about a project to infer its targets. */
export interface ProjectFacts {
  /** Workspace-relative; "." for a project at the workspace root. */
  root: string;
  /** The project's own jest or Vitest config, which coverage-report runs. */
  tests: TestRunnerConfig | null;
  nextConfig: string | null;
  /** Workspace-relative files outside the project that its tsconfigs extend (e.g. tsconfig.base.json). */
  externalTsConfigs: string[];
  /** Packages, among those the workspace installs, that change what the checks report. */
  externalDependencies: string[];
  /** Workspace-level files some checks read (lint config, CI workflows), as they exist. */
  rootInputs: string[];
  /**
   * What the project's test target depends on (its own configuration, else nx.json's target
   * defaults): coverage-report runs the same tests, so it waits for the same tasks (`^build`).
   */
  testDependsOn: NonNullable<TargetConfiguration['dependsOn']>;
  /**
   * How the project's build is hashed and cached, as its own configuration (else nx.json's target
   * defaults) says: build-record is cached as the build is, over the same inputs, so an unchanged
   * failing build is replayed rather than run again. Null where neither says (an inferred build).
   */
  build: { inputs: TargetConfiguration['inputs'] | null; cache: boolean | null };
  /**
   * Workspace packages the project depends on that it consumes through their build output (their
   * entry points are built files): its tests and type-check resolve them only once they are built.
   */
  builtDependencies: string[];
  /**
   * The runtime input of the targets that measure changed lines: `node <plugin/base-diff.js> <root>`,
   * the script's path relative to the workspace (the same on every machine that installs alike).
   */
  baseDiffCommand: string;
  /** The project has a db-restore-verify target (nx g @plinto/ready:backup): ready's backup check reads storage. */
  backups: boolean;
}

/** Reads a workspace file's JSON (a workspace-relative path); throws when it is missing or malformed. */
export type JsonReader = (file: string) => unknown;

/**
 * A JSON reader that reads each file once per graph: the project files are read by the option
 * checks and by the facts, and the project's hash needs them only once.
 */
export function onceJsonReader(workspaceRoot: string): JsonReader {
  const read = new Map<string, { value?: unknown; error?: unknown }>();
  return (file) => {
    let entry = read.get(file);
    if (!entry) {
      try {
        entry = { value: readJsonFile(workspaceRoot, file, 'fix it (Nx reports it too).') };
      } catch (error) {
        entry = { error };
      }
      read.set(file, entry);
    }
    if ('error' in entry) throw entry.error;
    return entry.value;
  };
}

/** What one graph computation shares across its projects: read once, handed to every project's facts. */
export interface GraphReads {
  rootDependencies: Set<string>;
  test?: { target: string; defaults?: TargetConfiguration['dependsOn'] };
  build?: { target: string; defaults?: Pick<TargetConfiguration, 'inputs' | 'cache'> };
  rootInputs?: string[];
  /** Extends chains already read in this graph (every project's tsconfigs extend the same base). */
  tsconfigChains?: Map<string, string[]>;
  readJson?: JsonReader;
  /** Names of the workspace's packages that are consumed through their build output (see builtPackages). */
  builtPackages?: Set<string>;
}

export function readProjectFacts(
  workspaceRoot: string,
  projectRoot: string,
  {
    rootDependencies,
    test = { target: 'test' },
    build = { target: 'build' },
    rootInputs = rootInputsOf(workspaceRoot),
    tsconfigChains = new Map(),
    readJson = onceJsonReader(workspaceRoot),
    builtPackages = new Set(),
  }: GraphReads,
): ProjectFacts {
  const tree = diskTree(workspaceRoot);
  const externalTsConfigs = new Set<string>();
  for (const config of listProjectTsConfigs(workspaceRoot, projectRoot)) {
    // Only the extends chain, without TypeScript: a broken tsconfig is reported by the ready target
    // itself, with the file and the fix; inferring targets must not fail the whole graph over it.
    for (const file of extendedConfigFiles(config, tsconfigChains)) {
      const rel = relative(workspaceRoot, file).replace(/\\/g, '/');
      if (!rel.startsWith('..') && !rel.startsWith('node_modules/') && !isInside(rel, projectRoot)) externalTsConfigs.add(rel);
    }
  }
  return {
    root: projectRoot,
    tests: findTestRunner(tree, projectRoot),
    nextConfig: findNextConfig(tree, projectRoot),
    externalTsConfigs: [...externalTsConfigs].sort(),
    externalDependencies: ['typescript', 'next', '@plinto/ready', 'eslint', 'vitest'].filter((d) => rootDependencies.has(d)),
    rootInputs,
    testDependsOn: asArray(declaredTarget(readJson, projectRoot, test.target)?.dependsOn) ?? test.defaults ?? [],
    build: buildHashing(declaredTarget(readJson, projectRoot, build.target), build.defaults),
    builtDependencies: dependencyNames(readJson, projectRoot).filter((d) => builtPackages.has(d)),
    backups: declaresExecutor(readJson, projectRoot, '@plinto/ready:db-restore-verify'),
    baseDiffCommand: `node ${relative(workspaceRoot, join(__dirname, 'base-diff.js')).replace(/\\/g, '/')} ${JSON.stringify(projectRoot)}`,
  };
}

/** The value when it is an array (a JSON field that may hold anything), else undefined. */
export const asArray = <T>(value: unknown): T[] | undefined => (Array.isArray(value) ? (value as T[]) : undefined);

/** The build's inputs and cache flag: each from the project's own target where it sets it, else the defaults'. */
function buildHashing(
  declared: TargetConfiguration | null,
  defaults: Pick<TargetConfiguration, 'inputs' | 'cache'> | undefined,
): ProjectFacts['build'] {
  const inputs = asArray<NonNullable<TargetConfiguration['inputs']>[number]>(declared?.inputs) ?? asArray(defaults?.inputs) ?? null;
  const cache = typeof declared?.cache === 'boolean' ? declared.cache : typeof defaults?.cache === 'boolean' ? defaults.cache : null;
  return { inputs, cache };
}

type DeclaredTargets = Record<string, TargetConfiguration | undefined>;

/**
 * The targets the project's own files declare: project.json's, then package.json's "nx" ones (the
 * order in which Nx lets the first win). A missing or malformed file declares none: Nx reports it.
 */
function declaredTargetSets(readJson: JsonReader, projectRoot: string): DeclaredTargets[] {
  const sets: DeclaredTargets[] = [];
  for (const [file, pick] of [
    ['project.json', (j: { targets?: DeclaredTargets }) => j.targets],
    ['package.json', (j: { nx?: { targets?: DeclaredTargets } }) => j.nx?.targets],
  ] as const) {
    try {
      const targets = pick(readJson(`${projectRoot}/${file}`) as never);
      if (targets && typeof targets === 'object') sets.push(targets);
    } catch {
      // missing, or malformed: Nx's to report
    }
  }
  return sets;
}

/** A target as the project declares it (project.json, or package.json "nx"), or null. */
function declaredTarget(readJson: JsonReader, projectRoot: string, target: string): TargetConfiguration | null {
  for (const targets of declaredTargetSets(readJson, projectRoot)) {
    const found = targets[target];
    if (found && typeof found === 'object') return found;
  }
  return null;
}

/** Does the project's own file (project.json, or package.json "nx") declare a target with this executor? */
function declaresExecutor(readJson: JsonReader, projectRoot: string, executor: string): boolean {
  return declaredTargetSets(readJson, projectRoot).some((targets) => Object.values(targets).some((t) => t?.executor === executor));
}

export const ROOT_FILES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  '.eslintrc.json',
  ...CI_ROOT_FILES,
];

/**
 * The lint configs and CI definitions of the workspace root that exist (checks read them), and the
 * root package.json when there is CI: a CI step may run ready through one of its scripts.
 */
export function rootInputsOf(workspaceRoot: string): string[] {
  const found = ROOT_FILES.filter((f) => existsSync(join(workspaceRoot, f)));
  for (const dir of CI_FOLDERS) if (existsSync(join(workspaceRoot, dir))) found.push(`${dir}/**/*`);
  if (found.some((f) => CI_ROOT_FILES.includes(f) || CI_FOLDERS.some((d) => f.startsWith(`${d}/`)))) found.push('package.json');
  return found;
}

function isInside(path: string, root: string): boolean {
  return root === '.' || path === root || path.startsWith(`${root}/`);
}

/** Names of every dependency the workspace root's package.json declares. */
export function readRootDependencies(workspaceRoot: string): Set<string> {
  const pkg = readJsonIfValid<{ dependencies?: object; devDependencies?: object }>(join(workspaceRoot, 'package.json'));
  return new Set([...Object.keys(pkg?.dependencies ?? {}), ...Object.keys(pkg?.devDependencies ?? {})]);
}

type PackageJson = {
  name?: unknown;
  main?: unknown;
  module?: unknown;
  types?: unknown;
  typings?: unknown;
  exports?: unknown;
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  peerDependencies?: Record<string, unknown>;
};

function readPackageJson(readJson: JsonReader, projectRoot: string): PackageJson | null {
  try {
    const json = readJson(`${projectRoot}/package.json`);
    return json && typeof json === 'object' ? (json as PackageJson) : null;
  } catch {
    return null; // missing, or malformed: Nx's to report
  }
}

function dependencyNames(readJson: JsonReader, projectRoot: string): string[] {
  const pkg = readPackageJson(readJson, projectRoot);
  return [...new Set([pkg?.dependencies, pkg?.devDependencies, pkg?.peerDependencies].flatMap((d) => Object.keys(d ?? {})))];
}

/** Every path a package.json's entry fields name (main, module, types, and each condition of exports). */
function entryPaths(pkg: PackageJson): string[] {
  const paths: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') paths.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  [pkg.main, pkg.module, pkg.types, pkg.typings, pkg.exports].forEach(walk);
  return paths.filter((p) => !p.endsWith('package.json'));
}

const BUILT_ENTRY = /\.(js|mjs|cjs|d\.ts|d\.mts|d\.cts)$/;

/**
 * Workspace packages consumed through their build output: they have a build (a `build` script, or
 * a build target in their project files) and their entry points are built files (JS or
 * declarations), not sources. A package whose entries are its TypeScript sources is consumed as
 * it is (the app's bundler transpiles it), and needs no build first.
 */
export function builtPackagesOf(readJson: JsonReader, projectRoots: string[], buildTarget: string): Set<string> {
  const names = new Set<string>();
  for (const root of projectRoots) {
    const pkg = readPackageJson(readJson, root);
    if (!pkg || typeof pkg.name !== 'string') continue;
    const hasBuild = typeof pkg.scripts?.[buildTarget] === 'string' || declaredTarget(readJson, root, buildTarget) !== null;
    const entries = entryPaths(pkg);
    if (hasBuild && entries.length > 0 && entries.every((e) => BUILT_ENTRY.test(e))) {
      names.add(pkg.name);
    }
  }
  return names;
}
