import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { seedDynamicImportWorkspace } from '../../testing/seed-workspaces';
import splitHeavyImports from './split-heavy-imports';

describe('0.3.0 migration: split-heavy-imports', () => {
  let tree: Tree;
  let info: jest.SpyInstance;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    seedDynamicImportWorkspace(tree);
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => info.mockRestore());

  it('the 0.3.0 migration runs the same codemod over every project', async () => {
    await splitHeavyImports(tree);
    expect(tree.read('apps/web/app/snippet.tsx', 'utf-8')).toContain('dynamic(');
    expect(tree.read('libs/ui/src/chart.tsx', 'utf-8')).toContain('lazy(');
  });
});
