import { Tree, addProjectConfiguration } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { headersGenerator } from './headers';

describe('headers generator', () => {
  let tree: Tree;
  let info: jest.SpyInstance;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    addProjectConfiguration(tree, 'web', { root: 'apps/web', projectType: 'application' });
    addProjectConfiguration(tree, 'shop', { root: 'apps/shop', projectType: 'application' });
    addProjectConfiguration(tree, 'ui', { root: 'libs/ui', projectType: 'library' });
    tree.write('apps/web/next.config.js', "module.exports = {\n  output: 'standalone',\n};\n");
    tree.write(
      'apps/shop/next.config.mjs',
      "export default {\n  async headers() {\n    return [\n      { source: '/:path*', headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }] },\n    ];\n  },\n};\n",
    );
    tree.write('libs/ui/src/index.ts', 'export const x = 1;\n');
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => info.mockRestore());

  it('adds the secure set and poweredByHeader: false to every app, merging a headers() the team wrote', async () => {
    await headersGenerator(tree, { all: true, skipFormat: true });
    const web = tree.read('apps/web/next.config.js', 'utf-8')!;
    expect(web).toContain('poweredByHeader: false');
    expect(web).toContain("source: '/:path*'");
    for (const key of [
      'Strict-Transport-Security',
      'Content-Security-Policy-Report-Only',
      'X-Content-Type-Options',
      'Referrer-Policy',
      'X-Frame-Options',
      'Permissions-Policy',
    ])
      expect(web).toContain(`key: '${key}'`);
    const shop = tree.read('apps/shop/next.config.mjs', 'utf-8')!;
    expect(shop).toContain("{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }");
    expect(shop.match(/X-Frame-Options/g)).toHaveLength(1);
    const out = info.mock.calls.flat().join('\n');
    expect(out).toContain('kept      apps/shop/next.config.mjs:2: X-Frame-Options: set by your headers(), kept as it is');
    expect(out).toContain('report-only');
    expect(out).toContain('nx run shop:smoke, nx run web:smoke');
    // Loaded as Next would load it: the function returns the set for every route.
    const loaded = { exports: {} as { headers: () => Promise<Array<{ source: string; headers: Array<{ key: string }> }>> } };
    new Function('module', web)(loaded);
    const routes = await (
      loaded.exports as unknown as { headers: () => Promise<Array<{ source: string; headers: Array<{ key: string }> }>> }
    ).headers();
    expect(routes[0].headers.map((h) => h.key)).toContain('Strict-Transport-Security');
  });

  it('changes nothing on a second run', async () => {
    await headersGenerator(tree, { all: true, csp: 'enforce', hstsPreload: true, skipFormat: true });
    const snapshot = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    expect(tree.read('apps/web/next.config.js', 'utf-8')).toContain("key: 'Content-Security-Policy'");
    expect(tree.read('apps/web/next.config.js', 'utf-8')).toContain('includeSubDomains; preload');
    await headersGenerator(tree, { all: true, csp: 'enforce', hstsPreload: true, skipFormat: true });
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(snapshot);
  });

  it('refuses bad input with one clear sentence, writing nothing', async () => {
    await expect(headersGenerator(tree, { project: 'ui' })).rejects.toThrow(
      '"nx g @plinto/ready:headers" does not apply to project "ui": it has no next.config.* (the headers go there): run it on a Next.js app.',
    );
    await expect(headersGenerator(tree, { project: 'web', csp: 'strict' as never })).rejects.toThrow(
      /--csp=strict is neither report-only nor enforce/,
    );
    tree.write('apps/shop/next.config.mjs', 'export default {\n  async headers( {\n};\n');
    await expect(headersGenerator(tree, { all: true })).rejects.toThrow('apps/shop/next.config.mjs does not parse: fix its syntax');
    expect(tree.read('apps/web/next.config.js', 'utf-8')).toBe("module.exports = {\n  output: 'standalone',\n};\n");
  });
});
