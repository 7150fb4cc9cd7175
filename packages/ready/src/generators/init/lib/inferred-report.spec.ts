import { ProjectGraph } from '@nx/devkit';
import { describeInferred } from './inferred-report';

describe('what init says it inferred', () => {
  it('names every project with the targets the plugin gave it, the workspace root and the projects without one included', () => {
    const node = (name: string, root: string, targets: Record<string, { executor?: string }>) => ({
      name,
      type: 'app' as const,
      data: { root, targets },
    });
    const graph = {
      nodes: {
        shop: node('shop', '.', {
          ready: { executor: '@plinto/ready:ready' },
          'coverage-report': { executor: '@plinto/ready:coverage-report' },
          build: { executor: 'nx:run-script' },
        }),
        tsconfig: node('@ws/tsconfig', 'packages/tsconfig', {}),
      },
    } as unknown as Pick<ProjectGraph, 'nodes'>;
    expect(describeInferred(graph)).toEqual([
      '@plinto/ready inferred targets on 1 of 2 project(s):',
      '  @ws/tsconfig (packages/tsconfig): no @plinto/ready target',
      '  shop (. (the workspace root)): coverage-report, ready',
    ]);
  });
});
