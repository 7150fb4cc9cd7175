import { coerce } from 'semver';
import { satisfies } from 'semver';
import { ReadyError } from '../../utils/errors';

/** The Nx lines the plugin supports (also its peer range on nx). */
export const SUPPORTED_NX = '>=22.0.0 <24.0.0';

/** The workspace's Nx version; a one-line error naming the supported range when it is outside it. */
export function assertSupportedNx(version: string = nxVersion()): string {
  if (!satisfies(version, SUPPORTED_NX, { includePrerelease: true })) {
    throw new ReadyError(
      `@plinto/ready supports Nx 22 and 23 (${SUPPORTED_NX}); this workspace has nx ${version}: run nx migrate to a supported version, or install the @plinto/ready release made for it.`,
    );
  }
  return version;
}

export function nxVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the workspace's nx, read when asked
  return (require('nx/package.json') as { version: string }).version;
}

function devkitVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the @nx/devkit the plugin resolves
  return (require('@nx/devkit/package.json') as { version: string }).version;
}

/**
 * @nx/devkit must be on nx's major (it calls into nx's internals): a package manager that resolves
 * the plugin's peer range to the newest devkit beside an older nx gets one line saying what to install.
 */
export function assertMatchingDevkit(nx: string = nxVersion(), devkit: string = devkitVersion()): void {
  if (major(nx) !== major(devkit)) {
    throw new ReadyError(
      `@nx/devkit ${devkit} and nx ${nx} are on different major versions: add @nx/devkit@${nx} to the workspace's devDependencies (npm i -D @nx/devkit@${nx}, or your package manager's equivalent), then run again.`,
    );
  }
}

const major = (version: string) => coerce(version)?.major;

/**
 * Nx functions that @nx/devkit does not make public on every supported version (its `./internal`
 * entry is missing in 22, and changes between minors), loaded from nx at the paths they keep in
 * 22.0–23.x, with their shape checked so a future move is a clear error, not a crash.
 */
function load<T>(path: string, member: keyof T): T {
  let mod: T | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path that may not exist: loaded guarded
    mod = require(path) as T;
  } catch {
    mod = undefined;
  }
  if (!mod || typeof mod[member] !== 'function') {
    throw new ReadyError(
      `@plinto/ready could not find ${String(member)} in ${path} of nx ${nxVersion()}: it supports ${SUPPORTED_NX}; run nx migrate to a supported version.`,
    );
  }
  return mod;
}

type Matcher = (packageJsonPath: string) => boolean;
interface PackageJsonNodes {
  /** Nx 23: patterns first, then the matcher. */
  buildPackageJsonPatterns?: (workspaceRoot: string, readJson: (path: string) => unknown) => unknown;
  buildPackageJsonWorkspacesMatcher: (...args: unknown[]) => Matcher;
}

/** Whether a package.json belongs to the package manager's workspaces, exactly as Nx decides it. */
export function packageJsonWorkspacesMatcher(workspaceRoot: string, readJson: (path: string) => unknown): Matcher {
  const m = load<PackageJsonNodes>('nx/src/plugins/package-json/create-nodes', 'buildPackageJsonWorkspacesMatcher');
  return m.buildPackageJsonPatterns
    ? m.buildPackageJsonWorkspacesMatcher(m.buildPackageJsonPatterns(workspaceRoot, readJson))
    : m.buildPackageJsonWorkspacesMatcher(workspaceRoot, readJson);
}

interface GraphUtils {
  findAllProjectNodeDependencies: (project: string, graph: unknown, includeExternal?: boolean) => string[];
}

/** Every node a project depends on in the graph, transitively (Nx's own walk). */
export function findAllProjectNodeDependencies(project: string, graph: unknown, includeExternal: boolean): string[] {
  return load<GraphUtils>('nx/src/utils/project-graph-utils', 'findAllProjectNodeDependencies').findAllProjectNodeDependencies(
    project,
    graph,
    includeExternal,
  );
}

interface MatchingProjects {
  findMatchingProjects: (patterns: string[], projects: Record<string, { name: string; type: string; data: unknown }>) => string[];
}

/**
 * The projects a name or pattern stands for, as `nx run <name>:…` resolves it: the exact name, else
 * a whole-word match such as `web` for `@ws/web`, or a glob, tag or directory pattern.
 */
export function findMatchingProjects(pattern: string, projects: Record<string, { root: string; projectType?: string }>): string[] {
  const m = load<MatchingProjects>('nx/src/utils/find-matching-projects', 'findMatchingProjects');
  const nodes = Object.fromEntries(
    Object.entries(projects).map(([name, data]) => [name, { name, type: data.projectType === 'application' ? 'app' : 'lib', data }]),
  );
  return m.findMatchingProjects([pattern], nodes);
}
