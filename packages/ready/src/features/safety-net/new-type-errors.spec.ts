import { diskTree } from '../../core/workspace/files';
import { TempWorkspace } from '../../testing/temp-workspace';
import { typeCheckWrites } from './new-type-errors';

describe('type-check safety net', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = new TempWorkspace();
    ws.write('apps/web/tsconfig.json', {
      compilerOptions: {
        strict: true,
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2022'],
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['**/*.ts'],
    });
    ws.write('apps/web/a.ts', 'export const n: number = 1;\n');
    ws.write('apps/web/b.ts', "import { n } from './a';\nexport const m = n + 1;\n");
    ws.write('apps/web/c.ts', 'export const c = 1;\n');
  });
  afterEach(() => ws.cleanup());

  it('loads TypeScript only when a TypeScript file changed', () => {
    ws.write('apps/web/page.jsx', 'export const P = () => <img src="/a.png" />;\n');
    const loads = (writes: Map<string, string>) => {
      const loaded: string[] = [];
      let result: ReturnType<typeof typeCheckWrites> | undefined;
      jest.isolateModules(() => {
        for (const name of ['ts-morph', 'typescript']) {
          jest.doMock(name, () => {
            loaded.push(name);
            return jest.requireActual(name);
          });
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { typeCheckWrites: check } = require('./new-type-errors') as typeof import('./new-type-errors');
        result = check(diskTree(ws.root), 'apps/web', writes);
      });
      return { loaded, result };
    };
    const js = loads(new Map([['apps/web/page.jsx', 'export const P = () => <p />;\n']]));
    expect(js.loaded).toEqual([]);
    expect([...js.result!.writes.keys()]).toEqual(['apps/web/page.jsx']);
    const ts = loads(new Map([['apps/web/c.ts', 'export const c = 2;\n']]));
    expect(ts.loaded).toContain('ts-morph');
    expect([...ts.result!.writes.keys()]).toEqual(['apps/web/c.ts']);
  });

  it('withholds a change that adds an error, with the error, and keeps the others', () => {
    const writes = new Map([
      ['apps/web/a.ts', 'export const n: number = 1;\nexport const s: string = n;\n'],
      ['apps/web/b.ts', "import { n } from './a';\nexport const m = n * 2;\n"],
    ]);
    const result = typeCheckWrites(diskTree(ws.root), 'apps/web', writes);
    expect([...result.writes.keys()]).toEqual(['apps/web/b.ts']);
    expect(result.withheld).toEqual([
      { file: 'apps/web/a.ts', errors: ["apps/web/a.ts:2 TS2322 Type 'number' is not assignable to type 'string'."] },
    ]);
    expect(result.unverified).toEqual([]);
  });

  it('sees files the same change adds, and says so where a module has no types instead of guessing', () => {
    const writes = new Map([
      ['apps/web/env.ts', "export const env = { API: 'x' };\n"],
      [
        'apps/web/c.ts',
        "import { env } from './env';\nimport pad from 'no-such-package';\nimport hero from './hero.png';\nexport const c = env.API + pad + hero;\n",
      ],
    ]);
    const result = typeCheckWrites(diskTree(ws.root), 'apps/web', writes);
    expect([...result.writes.keys()].sort()).toEqual(['apps/web/c.ts', 'apps/web/env.ts']);
    expect(result.withheld).toEqual([]);
    expect(result.unverified).toEqual([
      expect.stringMatching(/^apps\/web\/c\.ts:2: Cannot find module 'no-such-package'.*could not be checked\)$/),
      expect.stringMatching(/^apps\/web\/c\.ts:3: Cannot find module '\.\/hero\.png'.*could not be checked\)$/),
    ]);
  });

  it('an image import in a Next.js app whose next-env.d.ts is not there (git-ignored, not built yet) says why and what fixes it: no type error', () => {
    ws.write('apps/web/next.config.js', 'module.exports = {};\n');
    const writes = new Map([['apps/web/c.ts', "import hero from './hero.png';\nexport const c = hero;\n"]]);
    const without = typeCheckWrites(diskTree(ws.root), 'apps/web', writes);
    expect(without.withheld).toEqual([]);
    expect(without.unverified).toEqual([
      expect.stringMatching(
        /^apps\/web\/c\.ts:1: Cannot find module '\.\/hero\.png'.*\(not a type error: apps\/web\/next-env\.d\.ts, which declares image imports \(next\/image-types\/global\), is not there .*run next build once, or commit a declaration file/,
      ),
    ]);
  });

  it('names a file no tsconfig compiles as not type-checked', () => {
    ws.write('apps/web/tsconfig.json', { compilerOptions: { strict: true }, include: ['src/**/*.ts'] });
    const result = typeCheckWrites(diskTree(ws.root), 'apps/web', new Map([['apps/web/a.ts', 'export const n: string = 1;\n']]));
    expect(result.writes.has('apps/web/a.ts')).toBe(true);
    expect(result.unverified).toEqual(['apps/web/a.ts: no tsconfig of apps/web compiles it, so it was not type-checked']);
  });

  it('checks a new file too, and withholds it and what imports it when an installed package does not resolve under the project settings', () => {
    // Installed, but only through package.json "exports", which moduleResolution node (node10) does not read.
    ws.write('node_modules/exports-only/package.json', {
      name: 'exports-only',
      version: '1.0.0',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    })
      .write('node_modules/exports-only/dist/index.d.ts', 'export declare function make(): { API: string };\n')
      .write('apps/web/tsconfig.json', {
        compilerOptions: { strict: true, module: 'commonjs', moduleResolution: 'node', skipLibCheck: true, noEmit: true },
        include: ['**/*.ts'],
      });
    const writes = new Map([
      ['apps/web/src/env.ts', "import { make } from 'exports-only';\nexport const env = make();\n"],
      ['apps/web/c.ts', "import { env } from './src/env';\nexport const c = env.API;\n"],
      ['apps/web/b.ts', "import { n } from './a';\nexport const m = n * 3;\n"],
    ]);
    const result = typeCheckWrites(diskTree(ws.root), 'apps/web', writes);
    expect([...result.writes.keys()]).toEqual(['apps/web/b.ts']);
    expect(result.withheld.map((w) => w.file).sort()).toEqual(['apps/web/c.ts', 'apps/web/src/env.ts']);
    expect(result.withheld.find((w) => w.file === 'apps/web/src/env.ts')!.errors[0]).toMatch(
      /^apps\/web\/src\/env\.ts:1 TS2307 Cannot find module 'exports-only'/,
    );
    expect(result.withheld.find((w) => w.file === 'apps/web/src/env.ts')!.errors[0]).toContain('"moduleResolution": "node10"');
    expect(result.withheld.find((w) => w.file === 'apps/web/c.ts')!.errors[0]).toMatch(/Cannot find module '\.\/src\/env'/);
    expect(result.unverified).toEqual([]);
  });

  it('after a round that withholds a new file, reports each file still written once', () => {
    ws.write('node_modules/exports-only/package.json', {
      name: 'exports-only',
      version: '1.0.0',
      exports: { '.': { types: './dist/index.d.ts' } },
    })
      .write('node_modules/exports-only/dist/index.d.ts', 'export declare const API: string;\n')
      .write('apps/web/tsconfig.json', {
        compilerOptions: { strict: true, module: 'commonjs', moduleResolution: 'node', skipLibCheck: true, noEmit: true },
        include: ['**/*.ts'],
      });
    const writes = new Map([
      ['apps/web/src/env.ts', "export { API } from 'exports-only';\n"],
      ['apps/web/c.ts', "import { API } from './src/env';\nexport const c = API;\n"],
      ['apps/web/b.ts', "import pad from 'no-such-package';\nexport const m = pad;\n"],
    ]);
    const result = typeCheckWrites(diskTree(ws.root), 'apps/web', writes);
    expect([...result.writes.keys()]).toEqual(['apps/web/b.ts']);
    expect(result.unverified).toEqual([expect.stringMatching(/^apps\/web\/b\.ts:1: Cannot find module 'no-such-package'/)]);
  });
});
