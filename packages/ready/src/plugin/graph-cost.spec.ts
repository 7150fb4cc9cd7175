import { CreateNodesContextV2 } from '@nx/devkit';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { extendedConfigFiles } from '../core/workspace/tsconfig';
import { TempWorkspace } from '../testing/temp-workspace';

describe("the plugin's cost on every Nx command", () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.cleanup());

  it('loading the plugin and building the graph never load TypeScript (ts-morph) nor compile a schema (ajv)', async () => {
    ws.write('package.json', { name: 'root', workspaces: ['apps/*'], devDependencies: { typescript: '5.9.3' } });
    ws.write('tsconfig.base.json', '{\n  // comments and trailing commas, as tsc allows\n  "compilerOptions": { "strict": true, },\n}\n');
    ws.write('apps/web/package.json', { name: '@ws/web' });
    ws.write('apps/web/next.config.js', 'module.exports = {};');
    ws.write('apps/web/tsconfig.json', { extends: '../../tsconfig.base.json' });
    const loaded: string[] = [];
    await jest.isolateModulesAsync(async () => {
      jest.doMock('ts-morph', () => {
        loaded.push('ts-morph');
        return jest.requireActual('ts-morph');
      });
      jest.doMock('ajv', () => {
        loaded.push('ajv');
        return jest.requireActual('ajv');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createNodes } = require('../index') as typeof import('../index');
      const context: CreateNodesContextV2 = { nxJsonConfiguration: {}, workspaceRoot: ws.root };
      // Options given, so that they are validated (by the validator compiled ahead of time).
      const results = await createNodes[1](['apps/web/package.json'], { readyTargetName: 'ready' }, context);
      const ready = results[0][1].projects!['apps/web'].targets!.ready;
      // The extended config outside the project is still an input.
      expect(ready.inputs).toContain('{workspaceRoot}/tsconfig.base.json');
    });
    expect(loaded).toEqual([]);
  });

  it('follows every form of extends without TypeScript: relative (with or without .json), lists, packages (symlinks followed)', () => {
    ws.write('configs/base.json', { compilerOptions: { strict: true } });
    ws.write('configs/strictest.json', { extends: './base' });
    ws.write('packages/tsconfig/package.json', { name: '@ws/tsconfig' });
    ws.write('packages/tsconfig/react.json', { compilerOptions: { jsx: 'react-jsx' } });
    mkdirSync(join(ws.root, 'node_modules/@ws'), { recursive: true });
    symlinkSync('../../packages/tsconfig', join(ws.root, 'node_modules/@ws/tsconfig'));
    ws.write('node_modules/@tsconfig/node20/tsconfig.json', { compilerOptions: { target: 'es2022' } });
    ws.write('node_modules/@tsconfig/node20/package.json', { name: '@tsconfig/node20' });
    ws.write('apps/web/tsconfig.json', {
      extends: ['../../configs/strictest.json', '@ws/tsconfig/react.json', '@tsconfig/node20', './missing.json'],
    });
    expect(extendedConfigFiles(join(ws.root, 'apps/web/tsconfig.json'))).toEqual([
      join(ws.root, 'configs/strictest.json'),
      join(ws.root, 'configs/base.json'),
      join(ws.root, 'packages/tsconfig/react.json'),
      join(ws.root, 'node_modules/@tsconfig/node20/tsconfig.json'),
    ]);
    // A config that does not parse ends its branch; the graph never fails over it.
    ws.write('apps/broken/tsconfig.json', '{ "extends": ');
    expect(extendedConfigFiles(join(ws.root, 'apps/broken/tsconfig.json'))).toEqual([]);
  });
});
