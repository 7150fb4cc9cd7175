import { Tree, addProjectConfiguration } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import convertImgToNextImage from './convert-img-to-next-image';

const HERO_PNG = readFileSync(join(__dirname, '../../codemods/next-image/__fixtures__/public/hero.png'));

describe('0.2.0 migration: convert-img-to-next-image', () => {
  let tree: Tree;
  let info: jest.SpyInstance;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    addProjectConfiguration(tree, 'web', { root: 'apps/web' });
    addProjectConfiguration(tree, 'ui', { root: 'libs/ui' });
    tree.write('apps/web/next.config.js', 'const nextConfig = {};\n\nmodule.exports = nextConfig;\n');
    tree.write('apps/web/public/hero.png', HERO_PNG);
    tree.write(
      'apps/web/app/page.tsx',
      'export default function Page() {\n  return <img src="/hero.png" alt="Hero" loading="lazy" />;\n}\n',
    );
    tree.write(
      'apps/web/app/gallery.tsx',
      'export const G = () => <img src="https://cdn.example.com/a.jpg" width={60} height={40} alt="A" />;\n',
    );
    tree.write('apps/web/app/card.tsx', 'export const C = ({ u }: { u: string }) => <img src={u} alt="" />;\n');
    tree.write('apps/web/app/plain.tsx', 'export const P = () => <div />;\n');
    tree.write('libs/ui/src/a.tsx', 'export const A = () => <img src="/a.png" />;\n');
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
