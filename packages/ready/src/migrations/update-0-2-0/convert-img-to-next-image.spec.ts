import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { seedNextImageWorkspace } from '../../testing/seed-workspaces';
import convertImgToNextImage from './convert-img-to-next-image';

describe('0.2.0 migration: convert-img-to-next-image', () => {
  let tree: Tree;
  let info: jest.SpyInstance;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    seedNextImageWorkspace(tree);
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => info.mockRestore());

  it('the 0.2.0 migration runs the same conversion over every Next.js project, idempotently', async () => {
    await convertImgToNextImage(tree);
    expect(tree.read('apps/web/app/page.tsx', 'utf-8')).toContain('<Image src={heroImg}');
    expect(tree.read('libs/ui/src/a.tsx', 'utf-8')).toContain('<img');
    const snapshot = tree.read('apps/web/app/page.tsx', 'utf-8');
    await convertImgToNextImage(tree);
    expect(tree.read('apps/web/app/page.tsx', 'utf-8')).toBe(snapshot);
  });
});
