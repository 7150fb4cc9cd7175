import { randomBytes } from 'node:crypto';
import { TempWorkspace } from '../../testing/temp-workspace';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { HEAVY_MODULE_MIN_GZIP_BYTES, MODULE_SIZE_CACHE, cachedModuleSize, measureModuleSize } from './module-size';

describe('measuring what a module adds to the client bundle (esbuild, gzip)', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = new TempWorkspace();
    // A chart-like package: one big export and one tiny one, React left out as the app has it anyway.
    const big = Array.from({ length: 400 }, (_, i) => `const t${i} = ${JSON.stringify(randomBytes(64).toString('hex'))};`).join('\n');
    ws.write('node_modules/fake-charts/package.json', { name: 'fake-charts', version: '1.0.0', main: 'index.js', sideEffects: false });
    ws.write(
      'node_modules/fake-charts/index.js',
      `import React from 'react';\n${big}\nexport function BigChart() { return React.createElement('svg', null, ${Array.from({ length: 400 }, (_, i) => `t${i}`).join(' + ')}); }\nexport function Gradient() { return React.createElement('linearGradient'); }\n`,
    );
    ws.write('apps/web/package.json', { name: 'web' });
  });
  afterAll(() => ws.cleanup());

  it('weighs only what is imported, tree-shaken and gzipped', () => {
    const bigChart = measureModuleSize(ws.root, 'apps/web', 'fake-charts', ['BigChart']);
    const gradient = measureModuleSize(ws.root, 'apps/web', 'fake-charts', ['Gradient']);
    expect('gzip' in bigChart && bigChart.gzip).toBeGreaterThan(HEAVY_MODULE_MIN_GZIP_BYTES);
    expect('gzip' in gradient && gradient.gzip).toBeLessThan(1_000);
  });

  it('says why when a module cannot be measured', () => {
    expect(measureModuleSize(ws.root, 'apps/web', 'not-installed-here', ['X'])).toEqual({
      unknown: expect.stringContaining('not-installed-here'),
    });
  });

  it('remembers a size between runs by package version, names and bundler, and measures again when the version changes', () => {
    ws.write('node_modules/cached-charts/package.json', { name: 'cached-charts', version: '1.0.0', main: 'index.js' });
    ws.write('node_modules/cached-charts/index.js', 'export const Small = 1;\n');
    const first = cachedModuleSize(ws.root, 'apps/web', 'cached-charts', ['Small']);
    expect(first).toEqual({ gzip: expect.any(Number) });
    const stored = JSON.parse(readFileSync(join(ws.root, MODULE_SIZE_CACHE), 'utf8')) as Record<string, number>;
    expect(Object.entries(stored)).toEqual([
      [expect.stringMatching(/^cached-charts cached-charts@1\.0\.0 .*\[Small\] esbuild@/), (first as { gzip: number }).gzip],
    ]);
    // The same version with other bytes is the same package: the size comes from the cache.
    ws.write('node_modules/cached-charts/index.js', `export const Small = ${JSON.stringify(randomBytes(4000).toString('hex'))};\n`);
    expect(cachedModuleSize(ws.root, 'apps/web', 'cached-charts', ['Small'])).toEqual(first);
    // Another version is measured again.
    ws.write('node_modules/cached-charts/package.json', { name: 'cached-charts', version: '2.0.0', main: 'index.js' });
    const second = cachedModuleSize(ws.root, 'apps/web', 'cached-charts', ['Small']);
    expect((second as { gzip: number }).gzip).toBeGreaterThan((first as { gzip: number }).gzip + 1_000);
    // What cannot be measured is never remembered.
    expect(cachedModuleSize(ws.root, 'apps/web', 'not-installed-here', ['X'])).toEqual({ unknown: expect.any(String) });
    expect(Object.keys(JSON.parse(readFileSync(join(ws.root, MODULE_SIZE_CACHE), 'utf8')))).toHaveLength(2);
  });

  it('bundles a module no node_modules holds only when a tsconfig path maps it', () => {
    ws.write('apps/web/tsconfig.json', { compilerOptions: { baseUrl: '.', paths: { '@ws/charts': ['../../libs/charts/index.js'] } } });
    ws.write('libs/charts/index.js', 'export const Chart = () => 42;\n');
    expect(cachedModuleSize(ws.root, 'apps/web', '@ws/charts', ['Chart'])).toEqual({ unknown: 'Could not resolve "@ws/charts"' });
    expect(cachedModuleSize(ws.root, 'apps/web', '@ws/charts', ['Chart'], { aliased: true })).toEqual({ gzip: expect.any(Number) });
  });

  it("weighs a module where the project resolves it: a nested per-app install, pnpm's symlinked layout", () => {
    const padding = (n: number) => JSON.stringify(randomBytes(n).toString('hex'));
    // The workspace root holds a small 1.0.0; the admin app installs its own, heavy 2.0.0.
    ws.write('node_modules/nested-charts/package.json', { name: 'nested-charts', version: '1.0.0', main: 'index.js' });
    ws.write('node_modules/nested-charts/index.js', 'export const Chart = () => 1;\n');
    ws.write('apps/admin/package.json', { name: 'admin' });
    ws.write('apps/admin/node_modules/nested-charts/package.json', { name: 'nested-charts', version: '2.0.0', main: 'index.js' });
    ws.write('apps/admin/node_modules/nested-charts/index.js', `export const Chart = () => ${padding(30_000)};\n`);
    const nested = cachedModuleSize(ws.root, 'apps/admin', 'nested-charts', ['Chart']);
    expect('gzip' in nested && nested.gzip).toBeGreaterThan(HEAVY_MODULE_MIN_GZIP_BYTES);
    expect(cachedModuleSize(ws.root, 'apps/web', 'nested-charts', ['Chart'])).toEqual({ gzip: expect.any(Number) });
    expect((cachedModuleSize(ws.root, 'apps/web', 'nested-charts', ['Chart']) as { gzip: number }).gzip).toBeLessThan(1_000);
    // pnpm: the app's node_modules holds a link into the store, whose own dependencies stand beside it there.
    const store = 'node_modules/.pnpm/pnpm-charts@1.0.0/node_modules';
    ws.write(`${store}/pnpm-charts/package.json`, { name: 'pnpm-charts', version: '1.0.0', main: 'index.js' });
    ws.write(`${store}/pnpm-charts/index.js`, "import { data } from 'pnpm-charts-data';\nexport const Chart = () => data;\n");
    ws.write(`${store}/pnpm-charts-data/package.json`, { name: 'pnpm-charts-data', version: '1.0.0', main: 'index.js' });
    ws.write(`${store}/pnpm-charts-data/index.js`, `export const data = ${padding(30_000)};\n`);
    ws.write('apps/shop/package.json', { name: 'shop' });
    mkdirSync(join(ws.root, 'apps/shop/node_modules'), { recursive: true });
    symlinkSync(join(ws.root, store, 'pnpm-charts'), join(ws.root, 'apps/shop/node_modules/pnpm-charts'), 'dir');
    const linked = cachedModuleSize(ws.root, 'apps/shop', 'pnpm-charts', ['Chart']);
    expect('gzip' in linked && linked.gzip).toBeGreaterThan(HEAVY_MODULE_MIN_GZIP_BYTES);
  });
});
