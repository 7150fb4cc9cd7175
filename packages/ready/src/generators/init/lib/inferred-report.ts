import { ProjectGraph, createProjectGraphAsync, logger } from '@nx/devkit';
import { PLUGIN_NAME } from '../../../core/contracts/versions';

/**
 * What the plugin inferred, per project, as Nx's project graph has it once nx.json names the
 * plugin: the targets of each project that run one of its executors. A project with none is named
 * too, so no claim is made that was not checked.
 */
export function describeInferred(graph: Pick<ProjectGraph, 'nodes'>): string[] {
  const projects = Object.values(graph.nodes)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((node) => ({
      node,
      ours: Object.entries(node.data.targets ?? {})
        .filter(([, t]) => t.executor?.startsWith(`${PLUGIN_NAME}:`))
        .map(([name]) => name)
        .sort(),
    }));
  const inferred = projects.filter((p) => p.ours.length > 0).length;
  return [
    `@plinto/ready inferred targets on ${inferred} of ${projects.length} project(s):`,
    ...projects.map(({ node, ours }) => {
      const root = node.data.root === '.' ? '. (the workspace root)' : node.data.root;
      return `  ${node.name} (${root}): ${ours.length > 0 ? ours.join(', ') : 'no @plinto/ready target'}`;
    }),
  ];
}

/** Prints describeInferred for the workspace on disk (after the generator wrote nx.json and installed). */
export async function reportInferred(): Promise<void> {
  try {
    const graph = await createProjectGraphAsync({ exitOnError: false });
    logger.info(describeInferred(graph).join('\n'));
  } catch (error) {
    logger.warn(
      `@plinto/ready could not compute the project graph to show what it inferred (${(error as Error).message.split('\n')[0]}): run "nx show projects --with-target=ready".`,
    );
  }
}
