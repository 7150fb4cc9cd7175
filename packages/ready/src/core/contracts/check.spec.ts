import { ProjectGraph } from '@nx/devkit';
import { projectArg } from './check';

describe('projectArg: the project as a person types it in a fix', () => {
  const graph = (...names: string[]) =>
    ({
      nodes: Object.fromEntries(
        names.map((name) => [name, { name, type: 'app', data: { root: `apps/${name.replace(/^@[^/]+\//, '')}` } }]),
      ),
      dependencies: {},
    }) as unknown as ProjectGraph;

  it('is the short name where the generators find that one project by it, else the full name', () => {
    expect(projectArg({ projectName: '@ws/web', projectGraph: graph('@ws/web', '@ws/ui') })).toBe('web');
    expect(projectArg({ projectName: '@ws/web', projectGraph: graph('@ws/web', '@other/web') })).toBe('@ws/web');
    expect(projectArg({ projectName: 'web', projectGraph: graph('web') })).toBe('web');
    expect(projectArg({ projectName: '@ws/web' })).toBe('@ws/web');
  });
});
