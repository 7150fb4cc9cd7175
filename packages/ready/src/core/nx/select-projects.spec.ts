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

  it('resolves a short name as nx run does (web for @ws/web), and says so when it is ambiguous', () => {
    addProjectConfiguration(tree, '@ws/shop', { root: 'apps/shop' });
    addProjectConfiguration(tree, '@ws/docs', { root: 'apps/docs' });
    addProjectConfiguration(tree, '@other/docs', { root: 'other/docs' });
    expect(selectProjects(tree, { project: 'shop' }, 'x').map((p) => p.name)).toEqual(['@ws/shop']);
    // Nx's own matcher: a whole word, so "shop" never stands for "shop-e2e".
    addProjectConfiguration(tree, '@ws/shop-e2e', { root: 'apps/shop-e2e' });
    expect(selectProjects(tree, { project: 'shop' }, 'x').map((p) => p.name)).toEqual(['@ws/shop']);
    expect(() => selectProjects(tree, { project: 'docs' }, 'x')).toThrow(
      '"docs" matches several projects ("@other/docs", "@ws/docs"): pass one of them with --project.',
    );
  });

  it('suggests near names for a typo, a swapped pair of letters included', () => {
    addProjectConfiguration(tree, '@ws/store', { root: 'apps/store' });
    expect(() => selectProjects(tree, { project: 'wbe' }, 'x')).toThrow('(did you mean "web"?)');
    expect(() => selectProjects(tree, { project: 'sotre' }, 'x')).toThrow('(did you mean "@ws/store"?)');
    expect(() => selectProjects(tree, { project: 'zzzzzz' }, 'x')).toThrow(/^Project "zzzzzz" does not exist in this workspace: run/);
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
