import { ProjectGraph } from '@nx/devkit';
import { findAllProjectNodeDependencies } from './nx-internals';

/** Workspace projects a project depends on, transitively, by the Nx project graph, sorted. */
export function workspaceDependencies(graph: ProjectGraph, project: string): string[] {
  return findAllProjectNodeDependencies(project, graph, false)
    .filter((name) => graph.nodes[name] && name !== project)
    .sort();
}

/**
 * The external packages the Nx project graph attributes to a project: its own npm dependencies,
 * those of the workspace libraries it depends on, and all of theirs, transitively.
 */
export function externalPackages(graph: ProjectGraph, project: string): Set<string> {
  const names = new Set<string>();
  for (const node of findAllProjectNodeDependencies(project, graph, true)) {
    const external = graph.externalNodes?.[node];
    if (external) names.add(external.data.packageName);
  }
  return names;
}
