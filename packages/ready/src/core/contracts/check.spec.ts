import { ProjectGraph } from '@nx/devkit';
import { fixMarkdown, projectArg, runCommand } from './check';

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

describe('fixMarkdown: a command in backticks, a step as words', () => {
  it('tells the two apart', () => {
    expect(fixMarkdown('nx g @plinto/ready:env --project=web')).toBe('`nx g @plinto/ready:env --project=web`');
    expect(fixMarkdown('pnpm add -D @vitest/coverage-v8@4.1.12 --filter @ws/web')).toBe(
      '`pnpm add -D @vitest/coverage-v8@4.1.12 --filter @ws/web`',
    );
    expect(fixMarkdown('add tests for apps/web/app/page.tsx (40 % of lines)')).toBe('add tests for apps/web/app/page.tsx (40 % of lines)');
  });
});

describe('runCommand: a fix never names a target the project does not have', () => {
  it('names the target where the project has it, and nothing where it does not', () => {
    expect(runCommand({ projectName: 'web', targets: { test: {} } }, 'test')).toBe('nx run web:test');
    expect(runCommand({ projectName: 'web', targets: { build: {} } }, 'test')).toBeNull();
  });
});
