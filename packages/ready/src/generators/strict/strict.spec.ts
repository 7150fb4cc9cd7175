import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { join } from 'node:path';
import * as ts from 'typescript';
import { TempWorkspace } from '../../testing/temp-workspace';
import { strictGenerator } from './strict';

const TSCONFIG = `{
  // The legacy library: not strict yet.
  "compilerOptions": {
    "target": "es2022",
    "lib": ["es2022", "dom"],
    "types": [],
    "strict": false,
    "noEmit": true
  },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts"]
}
`;
const SPEC_TSCONFIG = `{
  "extends": "./tsconfig.json",
  "compilerOptions": { "noImplicitAny": false },
  "include": ["src/**/*.spec.ts"],
  "exclude": []
}
`;
const STORE = `export class Store {
  private items: string[];

  add(item) {
    this.items.push(item);
  }
}

export function title(id: string): string {
  const el = document.getElementById(id);
  return el.title;
}
`;

/** The errors `tsc -p <config>` reports, with the workspace's own TypeScript (not ts-morph's). */
function tscErrors(root: string, config: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, config),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  const program = ts.createProgram(parsed!.fileNames, parsed!.options);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? d.file.fileName.slice(root.length + 1) : ''} TS${d.code}`);
}

describe('strict generator', () => {
  let ws: TempWorkspace;
  let info: jest.SpyInstance;
  const run = async (options: Parameters<typeof strictGenerator>[1]) => {
    const tree = new FsTree(ws.root, false);
    await strictGenerator(tree, options);
    const changes = tree.listChanges();
    flushChanges(ws.root, changes);
    return changes.map((c) => c.path).sort();
  };
  const output = () => info.mock.calls.flat().join('\n');

  beforeEach(() => {
    ws = new TempWorkspace()
      .withTypeScript('5.9.3')
      .write('nx.json', {})
      .write('package.json', { name: 'ws', private: true })
      .write('libs/legacy/project.json', { name: 'legacy', root: 'libs/legacy' })
      .write('libs/legacy/tsconfig.json', TSCONFIG)
      .write('libs/legacy/tsconfig.spec.json', SPEC_TSCONFIG)
      .write('libs/legacy/src/store.ts', STORE)
      .write('libs/legacy/src/store.spec.ts', "import { title } from './store';\n\nexport const check = (x) => title(x).length;\n")
      .write('libs/nots/project.json', { name: 'nots', root: 'libs/nots' });
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => {
    info.mockRestore();
    ws.cleanup();
  });

  it('turns strict on in the tsconfig, keeps its comments, fixes and suppresses until tsc passes', async () => {
    expect(tscErrors(ws.root, 'libs/legacy/tsconfig.json')).toEqual([]);
    const changed = await run({ project: 'legacy' });
    expect(changed).toEqual([
      'libs/legacy/src/store.spec.ts',
      'libs/legacy/src/store.ts',
      'libs/legacy/tsconfig.json',
      'libs/legacy/tsconfig.spec.json',
    ]);
    const tsconfig = ws.read('libs/legacy/tsconfig.json');
    expect(tsconfig).toContain('// The legacy library: not strict yet.');
    expect(tsconfig).toContain('"strict": true');
    expect(ws.read('libs/legacy/tsconfig.spec.json')).not.toContain('noImplicitAny');
    expect(ws.read('libs/legacy/src/store.ts')).toBe(`export class Store {
  private items!: string[];

  add(item: string) {
    this.items.push(item);
  }
}

export function title(id: string): string {
  const el = document.getElementById(id);
  // @ts-expect-error plinto-ready(strict) TS18047: 'el' is possibly 'null'.
  return el.title;
}
`);
    expect(ws.read('libs/legacy/src/store.spec.ts')).toContain('export const check = (x: string) => title(x).length;');
    expect(tscErrors(ws.root, 'libs/legacy/tsconfig.json')).toEqual([]);
    expect(tscErrors(ws.root, 'libs/legacy/tsconfig.spec.json')).toEqual([]);
    expect(output()).toContain('libs/legacy/tsconfig.json: "strict": true');
    expect(output()).toContain('libs/legacy/tsconfig.spec.json: removed "noImplicitAny": false');
    expect(output()).toContain('libs/legacy/tsconfig.json (all strict flags): 3 new error(s): TS18047 1, TS2564 1, TS7006 1');
    expect(output()).toContain('fixed by code fixes: 2 (inferFromUsage 1, addMissingPropertyDefiniteAssignmentAssertions 1)');
    expect(output()).toContain('libs/legacy/tsconfig.spec.json (all strict flags): 1 new error(s): TS7006 1');
    expect(output()).toContain('suppressed: 1 (TS18047 1)');
    expect(output()).toContain('libs/legacy/src/store.ts:11 TS18047');
  });

  it('says so and changes nothing on a second run, or on a project that is already strict', async () => {
    await run({ project: 'legacy' });
    info.mockClear();
    expect(await run({ project: 'legacy' })).toEqual([]);
    expect(output()).toContain('already has the requested strict flags on (TypeScript 5.9.3): nothing to change');
  });

  it('reads strictness for the TypeScript the workspace uses: under TS 6 no "strict" means strict', async () => {
    ws.withTypeScript('6.0.3')
      .write('libs/legacy/tsconfig.json', TSCONFIG.replace('"strict": false,\n', ''))
      .write('libs/legacy/tsconfig.spec.json', SPEC_TSCONFIG.replace('"noImplicitAny": false', ''));
    expect(await run({ project: 'legacy' })).toEqual([]);
    expect(output()).toContain('(TypeScript 6.0.3): nothing to change');
  });

  it('never fails on options TypeScript 6 deprecates (baseUrl, moduleResolution node10)', async () => {
    ws.withTypeScript('6.0.3').write(
      'libs/legacy/tsconfig.json',
      TSCONFIG.replace('"noEmit": true', '"noEmit": true,\n    "baseUrl": ".",\n    "moduleResolution": "node10"'),
    );
    await run({ project: 'legacy' });
    expect(ws.read('libs/legacy/tsconfig.json')).toContain('"strict": true');
    expect(ws.read('libs/legacy/tsconfig.json')).toContain('"moduleResolution": "node10"');
    expect(output()).toContain('(TypeScript 6.0.3)');
    expect(output()).toContain('suppressed: 1 (TS18047 1)');
  });

  it('turns on only the named flags, in the tsconfig, and leaves the other errors', async () => {
    await run({ project: 'legacy', flags: ['noImplicitAny'] });
    expect(ws.read('libs/legacy/tsconfig.json')).toContain('"noImplicitAny": true');
    expect(ws.read('libs/legacy/tsconfig.json')).toContain('"strict": false');
    const store = ws.read('libs/legacy/src/store.ts');
    expect(store).toContain('add(item: string)');
    expect(store).toContain('private items: string[];');
    expect(store).not.toContain('@ts-expect-error');
  });

  it('with --fix=false suppresses every new error and changes no code', async () => {
    await run({ project: 'legacy', fix: false });
    const store = ws.read('libs/legacy/src/store.ts');
    expect(store).toContain('private items: string[];');
    expect(store).toContain('add(item) {');
    expect(store.match(/@ts-expect-error plinto-ready\(strict\)/g)).toHaveLength(3);
    expect(output()).toContain('fixed by code fixes: 0');
    expect(tscErrors(ws.root, 'libs/legacy/tsconfig.json')).toEqual([]);
  });

  it('reports the errors that were there before and does not touch them', async () => {
    ws.write('libs/legacy/src/broken-types.ts', "export const n: number = 'one';\n");
    await run({ project: 'legacy' });
    expect(ws.read('libs/legacy/src/broken-types.ts')).toBe("export const n: number = 'one';\n");
    expect(output()).toContain('pre-existing errors, not touched: 1 (TS2322 1)');
    expect(output()).toContain("libs/legacy/src/broken-types.ts:1 TS2322 Type 'string' is not assignable to type 'number'.");
  });

  it('sees the globals of node_modules/@types as tsc does when the tsconfig names no types (jest globals in tests)', async () => {
    ws.write('node_modules/@types/checks/package.json', { name: '@types/checks', version: '1.0.0', types: 'index.d.ts' })
      .write('node_modules/@types/checks/index.d.ts', 'declare function check(value: unknown): void;\n')
      .write('libs/legacy/tsconfig.json', TSCONFIG.replace('"types": [],\n', ''))
      .write('libs/legacy/src/uses-global.ts', 'export function run(x) {\n  check(x);\n}\ncheck(missingName);\n');
    expect(tscErrors(ws.root, 'libs/legacy/tsconfig.json').filter((e) => e.includes('uses-global'))).toEqual([
      'libs/legacy/src/uses-global.ts TS2304',
    ]);
    await run({ project: 'legacy', fix: false });
    // The pre-existing TS2304 (missingName) is left; `check` resolves, so nothing else is suppressed there but the implicit any.
    expect(ws.read('libs/legacy/src/uses-global.ts')).toBe(
      "// @ts-expect-error plinto-ready(strict) TS7006: Parameter 'x' implicitly has an 'any' type.\nexport function run(x) {\n  check(x);\n}\ncheck(missingName);\n",
    );
    expect(tscErrors(ws.root, 'libs/legacy/tsconfig.json').filter((e) => e.includes('uses-global'))).toEqual([
      'libs/legacy/src/uses-global.ts TS2304',
    ]);
  });

  it('skips a file that does not parse, names it, and leaves it as it is', async () => {
    const broken = 'export function f(a) {\n  return a +;\n}\n';
    ws.write('libs/legacy/src/broken.ts', broken);
    await run({ project: 'legacy' });
    expect(ws.read('libs/legacy/src/broken.ts')).toBe(broken);
    expect(output()).toContain('warning: libs/legacy/src/broken.ts does not parse: skipped, left as it is');
  });

  it('fails with one clear message and writes nothing on bad input', async () => {
    ws.write('libs/legacy/tsconfig.json', '{ "compilerOptions": { "strict": false, }, "include": [ }');
    await expect(run({ project: 'legacy' })).rejects.toThrow(
      /libs\/legacy\/tsconfig\.json:1:\d+ is not a valid tsconfig \(.*\): fix it, then run the command again\./,
    );
    await expect(run({ project: 'nots' })).rejects.toThrow(
      '"nx g @plinto/ready:strict" does not apply to project "nots": libs/nots has no tsconfig.json; add one (or pick another project).',
    );
    await expect(run({ project: 'legacy', flags: ['noImplicitAny', 'strictNull'] })).rejects.toThrow(
      '--flags=noImplicitAny,strictNull: "strictNull" is not a strict flag: use "all" or any of',
    );
    expect(ws.read('libs/legacy/src/store.ts')).toBe(STORE);
  });
});
