import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findJestConfig } from '../utils/jest';
import { findNextConfig } from '../utils/next';
import { listProjectTsConfigs, readTsConfig } from '../utils/tsconfig';

/** What the plugin needs to know about a project to infer its targets. */
export interface ProjectFacts {
  jestConfig: string | null;
  nextConfig: string | null;
  /** Workspace-relative files outside the project that its tsconfigs extend (e.g. tsconfig.base.json). */
  externalTsConfigs: string[];
  /** Packages, among those the workspace installs, that change what the checks report. */
  externalDependencies: string[];
}

export function readProjectFacts(workspaceRoot: string, projectRoot: string, rootDependencies: Set<string>): ProjectFacts {
  const externalTsConfigs = new Set<string>();
  for (const config of listProjectTsConfigs(workspaceRoot, projectRoot)) {
    let extended: string[];
    try {
      extended = readTsConfig(config, workspaceRoot).extendedFiles;
    } catch {
      // A broken tsconfig is reported by the ready target itself, with the file and the fix;
      // inferring targets must not fail the whole project graph over it.
      continue;
    }
    for (const file of extended) {
      const rel = relative(workspaceRoot, file).replace(/\\/g, '/');
      if (!rel.startsWith('..') && !rel.startsWith('node_modules/') && !isInside(rel, projectRoot)) externalTsConfigs.add(rel);
    }
  }
  return {
    jestConfig: findJestConfig(workspaceRoot, projectRoot),
    nextConfig: findNextConfig(workspaceRoot, projectRoot),
    externalTsConfigs: [...externalTsConfigs].sort(),
    externalDependencies: ['typescript', 'next', '@plinto/ready'].filter((d) => rootDependencies.has(d)),
  };
}

function isInside(path: string, root: string): boolean {
  return root === '.' || path === root || path.startsWith(`${root}/`);
}

/** Names of every dependency the workspace root's package.json declares. */
export function readRootDependencies(workspaceRoot: string): Set<string> {
  try {
    const pkg = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8'));
    return new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
  } catch {
    return new Set();
  }
}
