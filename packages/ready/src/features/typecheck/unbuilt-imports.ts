import type { ProjectGraph } from '@nx/devkit';

/** `error TS2307: Cannot find module '@ws/sdk'` (or TS2792, its moduleResolution twin). */
const CANNOT_FIND_MODULE = /error TS(2307|2792): Cannot find module '([^']+)'/;

/** The package name a specifier imports: `@ws/sdk/client` → `@ws/sdk`, `lodash/fp` → `lodash`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The package names of the workspace's projects (the name in their package.json, or the project name). */
export function workspacePackages(graph: Pick<ProjectGraph, 'nodes'> | undefined): Set<string> {
  const names = new Set<string>();
  for (const node of Object.values(graph?.nodes ?? {})) {
    names.add(node.name);
    const packageName = (node.data.metadata as { js?: { packageName?: string } } | undefined)?.js?.packageName;
    if (packageName) names.add(packageName);
  }
  return names;
}

/**
 * Splits tsc's error lines into the project's own type errors and the imports of workspace packages
 * that do not resolve: in a half-built workspace (no `^build` before the type check) those are one
 * set-up finding, never the project's type errors.
 */
export function splitUnbuiltImports(lines: string[], packages: Set<string>): { own: string[]; unbuilt: Map<string, number> } {
  const own: string[] = [];
  const unbuilt = new Map<string, number>();
  for (const line of lines) {
    const m = CANNOT_FIND_MODULE.exec(line);
    const pkg = m ? packageOf(m[2]) : null;
    if (pkg && packages.has(pkg)) unbuilt.set(pkg, (unbuilt.get(pkg) ?? 0) + 1);
    else own.push(line);
  }
  return { own, unbuilt };
}
