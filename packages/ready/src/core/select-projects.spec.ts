import { Tree, addProjectConfiguration } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { selectProjects } from './select-projects';

describe('selectProjects', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    addProjectConfiguration(tree, 'web', { root: 'apps/web' });
    addProjectConfiguration(tree, 'admin', { root: 'apps/admin' });
    addProjectConfiguration(tree, 'ui', { root: 'libs/ui' });
  });
  const onlyApps = (p: { config: { root: string } }) => (p.config.root.startsWith('apps/') ? null : 'it is not an app');

  it('selects one project by name', () => {
    expect(selectProjects(tree, { project: 'web' }, 'x').map((p) => p.name)).toEqual(['web']);
  });

  it('selects every applicable project with --all, sorted', () => {
    expect(selectProjects(tree, { all: true }, 'x', onlyApps).map((p) => p.name)).toEqual(['admin', 'web']);
  });

  it('names an unknown project, with near names, and how to list them', () => {
    expect(() => selectProjects(tree, { project: 'we' }, 'strict')).toThrow(
      'Project "we" does not exist in this workspace (did you mean "web"?): run "nx show projects" to list the names, then pass one with --project.',
    );
  });

  it('says why a named project does not apply', () => {
    expect(() => selectProjects(tree, { project: 'ui' }, 'next-image', onlyApps)).toThrow(
      '"nx g @plinto/ready:next-image" does not apply to project "ui": it is not an app.',
    );
  });

  it('asks for exactly one of --project and --all', () => {
    expect(() => selectProjects(tree, {}, 'env')).toThrow(/Pass --project=<name> \(one project\) or --all/);
    expect(() => selectProjects(tree, { project: 'web', all: true }, 'env')).toThrow(/not both/);
  });
});
