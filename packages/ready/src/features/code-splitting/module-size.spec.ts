import { randomBytes } from 'node:crypto';
import { TempWorkspace } from '../../testing/temp-workspace';
import { readFileSync } from 'node:fs';
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
});
