import { TempWorkspace } from '../../testing/temp-workspace';
import { effectiveStrictFlags, readTsConfig, resolveTypeScriptVersion, strictByDefault } from './tsconfig';
import { join } from 'node:path';

describe('tsconfig reading', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.cleanup());

  it('follows extends chains, with comments and trailing commas, and lists the extended files', () => {
    ws.write('tsconfig.base.json', '{\n  // shared\n  "compilerOptions": { "strict": false, "noImplicitAny": true, },\n}');
    ws.write('apps/web/tsconfig.json', '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "strictNullChecks": true } }');
    const info = readTsConfig(join(ws.root, 'apps/web/tsconfig.json'), ws.root);
    expect(info.options.strict).toBe(false);
    expect(info.options.noImplicitAny).toBe(true);
    expect(info.options.strictNullChecks).toBe(true);
    expect(info.extendedFiles).toEqual([join(ws.root, 'tsconfig.base.json')]);
  });

  it('names the file, line and column of a JSON error', () => {
    ws.write('apps/web/tsconfig.json', '{\n  "compilerOptions": { "strict": true\n');
    expect(() => readTsConfig(join(ws.root, 'apps/web/tsconfig.json'), ws.root)).toThrow(
      /^apps\/web\/tsconfig\.json:\d+:\d+ is not a valid tsconfig \(.+\): fix it, then run the command again\.$/,
    );
  });

  it('fails clearly when an extended file is missing', () => {
    ws.write('apps/web/tsconfig.json', '{ "extends": "./nope.json" }');
    expect(() => readTsConfig(join(ws.root, 'apps/web/tsconfig.json'), ws.root)).toThrow(/nope\.json/);
  });

  it('does not fail on options this parser does not know (newer TypeScript)', () => {
    ws.write('tsconfig.json', '{ "compilerOptions": { "someFutureFlag": true, "strict": true }, "files": [] }');
    expect(readTsConfig(join(ws.root, 'tsconfig.json'), ws.root).options.strict).toBe(true);
  });

  it('knows solution-style configs compile nothing', () => {
    ws.write('tsconfig.json', '{ "files": [], "references": [{ "path": "./tsconfig.app.json" }] }');
    expect(readTsConfig(join(ws.root, 'tsconfig.json'), ws.root).compilesNothing).toBe(true);
  });
});

describe('strictness by TypeScript version', () => {
  it('TypeScript 6 defaults strict to true, 5.x to false', () => {
    expect(strictByDefault('6.0.3')).toBe(true);
    expect(strictByDefault('5.9.3')).toBe(false);
    expect(effectiveStrictFlags({}, '6.0.3').every((f) => f.on && f.source === 'default')).toBe(true);
    expect(effectiveStrictFlags({}, '5.9.3').every((f) => !f.on)).toBe(true);
  });

  it('an explicit flag wins over strict, strict over the default', () => {
    const flags = effectiveStrictFlags({ strict: true, strictNullChecks: false }, '5.9.3');
    expect(flags.find((f) => f.flag === 'strictNullChecks')).toEqual({ flag: 'strictNullChecks', on: false, source: 'flag' });
    expect(flags.find((f) => f.flag === 'noImplicitAny')).toEqual({ flag: 'noImplicitAny', on: true, source: 'strict' });
  });

  it('leaves out flags the compiler version does not have', () => {
    expect(effectiveStrictFlags({}, '5.5.4').map((f) => f.flag)).not.toContain('strictBuiltinIteratorReturn');
    expect(effectiveStrictFlags({}, '5.6.0').map((f) => f.flag)).toContain('strictBuiltinIteratorReturn');
  });

  it('resolves the installed TypeScript from the project, then the workspace', () => {
    const ws = new TempWorkspace().withTypeScript('6.0.3');
    try {
      expect(resolveTypeScriptVersion(ws.root, 'apps/web')).toBe('6.0.3');
      ws.write('apps/web/node_modules/typescript/package.json', { name: 'typescript', version: '5.9.3' });
      expect(resolveTypeScriptVersion(ws.root, 'apps/web')).toBe('5.9.3');
    } finally {
      ws.cleanup();
    }
  });
});
