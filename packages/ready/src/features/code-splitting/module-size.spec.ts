import { randomBytes } from 'node:crypto';
import { TempWorkspace } from '../../testing/temp-workspace';
import { HEAVY_MODULE_MIN_GZIP_BYTES, measureModuleSize } from './module-size';

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
});
