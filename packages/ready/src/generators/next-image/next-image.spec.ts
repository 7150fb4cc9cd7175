import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { seedNextImageWorkspace } from '../../testing/seed-workspaces';
import { nextImageGenerator } from './next-image';

describe('next-image generator', () => {
  let tree: Tree;
  let info: jest.SpyInstance;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    seedNextImageWorkspace(tree);
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => info.mockRestore());

  it('converts what is safe, allows remote hosts in next.config.js and prints a summary', async () => {
    await nextImageGenerator(tree, { project: 'web', skipFormat: true });
    expect(tree.read('apps/web/app/page.tsx', 'utf-8')).toBe(
      "import heroImg from '../public/hero.png';\nimport Image from 'next/image';\n\nexport default function Page() {\n  return <Image src={heroImg} alt=\"Hero\" />;\n}\n",
    );
    expect(tree.read('apps/web/app/gallery.tsx', 'utf-8')).toContain('<Image src="https://cdn.example.com/a.jpg"');
    expect(tree.read('apps/web/app/card.tsx', 'utf-8')).toContain('<img src={u}');
    expect(tree.read('apps/web/next.config.js', 'utf-8')).toContain(
      "images: { remotePatterns: [{ protocol: 'https', hostname: 'cdn.example.com' }] }",
    );
    const summary = info.mock.calls.flat().join('\n');
    expect(summary).toMatch(/web\s+4\s+3\s+2\s+1\s+0\s+1/);
    expect(summary).toContain('skipped   apps/web/app/card.tsx:1: no known dimensions');
    expect(summary).toContain('web skipped by reason: no-dimensions 1');
  });

  it('converts without loading TypeScript: the files and next.config.js are read with Babel and edited as text', async () => {
    const loaded: string[] = [];
    let writes = new Map<string, string>();
    await jest.isolateModulesAsync(async () => {
      for (const name of ['ts-morph', 'typescript']) {
        jest.doMock(name, () => {
          loaded.push(name);
          return jest.requireActual(name);
        });
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { convertImages } = require('../../features/images') as typeof import('../../features/images');
      writes = convertImages(tree, { name: 'web', root: 'apps/web' }, { strategy: 'static-import', remotePatterns: true }).writes;
    });
    expect(writes.get('apps/web/app/page.tsx')).toContain('<Image src={heroImg}');
    expect(writes.get('apps/web/next.config.js')).toContain("hostname: 'cdn.example.com'");
    // Only the generator's type-check safety net loads TypeScript, for the files the conversion changed.
    expect(loaded).toEqual([]);
  });

  it('loads no TypeScript when the conversion changed no TypeScript file: the safety net has nothing to check', async () => {
    // The same app written in JavaScript: its pages are .jsx, its config .js.
    for (const change of tree.listChanges()) {
      if (!/^apps\/web\/.*\.tsx$/.test(change.path) || !change.content) continue;
      tree.write(change.path.replace(/\.tsx$/, '.jsx'), change.content);
      tree.delete(change.path);
    }
    const loaded: string[] = [];
    await jest.isolateModulesAsync(async () => {
      for (const name of ['ts-morph', 'typescript']) {
        jest.doMock(name, () => {
          loaded.push(name);
          return jest.requireActual(name);
        });
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const generator = require('./next-image') as typeof import('./next-image');
      await generator.nextImageGenerator(tree, { project: 'web', skipFormat: true });
    });
    expect(tree.read('apps/web/app/page.jsx', 'utf-8')).toContain('<Image src={heroImg}');
    expect(loaded).toEqual([]);
    // (type-check.spec shows that a TypeScript change does load it.)
  });

  it('changes nothing on a second run', async () => {
    await nextImageGenerator(tree, { project: 'web', skipFormat: true });
    const snapshot = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    await nextImageGenerator(tree, { project: 'web', skipFormat: true });
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(snapshot);
  });

  it('leaves remote images alone with --remote-patterns=false when the host is not allowed yet', async () => {
    await nextImageGenerator(tree, { project: 'web', remotePatterns: false, skipFormat: true });
    expect(tree.read('apps/web/app/gallery.tsx', 'utf-8')).toContain('<img src="https://cdn.example.com/a.jpg"');
    expect(tree.read('apps/web/next.config.js', 'utf-8')).toBe('const nextConfig = {};\n\nmodule.exports = nextConfig;\n');
  });

  it('skips a file that does not parse, with a warning, and leaves it as it is', async () => {
    const broken = 'export const B = () => <img src="/hero.png" alt="" ;\n';
    tree.write('apps/web/app/broken.tsx', broken);
    await nextImageGenerator(tree, { project: 'web', skipFormat: true });
    expect(tree.read('apps/web/app/broken.tsx', 'utf-8')).toBe(broken);
    expect(info.mock.calls.flat().join('\n')).toContain('warning   apps/web/app/broken.tsx:1: does not parse: skipped, left as it is');
  });

  it('--all takes the Next.js projects only', async () => {
    await nextImageGenerator(tree, { all: true, skipFormat: true });
    expect(tree.read('libs/ui/src/a.tsx', 'utf-8')).toContain('<img');
    expect(tree.read('apps/web/app/page.tsx', 'utf-8')).toContain('<Image');
  });

  it('refuses an unknown project and a project that is not Next.js, writing nothing', async () => {
    const before = tree.listChanges().length;
    await expect(nextImageGenerator(tree, { project: 'nope' })).rejects.toThrow(/Project "nope" does not exist/);
    await expect(nextImageGenerator(tree, { project: 'ui' })).rejects.toThrow(
      '"nx g @plinto/ready:next-image" does not apply to project "ui": it is not a Next.js project (no next.config.* and no dependency on next).',
    );
    expect(tree.listChanges().length).toBe(before);
  });
});
