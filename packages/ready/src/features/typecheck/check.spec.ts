import { symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TempWorkspace } from '../../testing/temp-workspace';
import { typecheckCheck } from './check';
import { CheckContext, CheckOutcome } from '../../core/contracts/check';

// The real tsc of this repository (TypeScript 5.9), borrowed through a node_modules link.
const REPO_NODE_MODULES = resolve(__dirname, '../../../../../node_modules');

describe('typecheck check (real tsc)', () => {
  let ws: TempWorkspace;
  const ctx = (targets: CheckContext['targets'] = {}): CheckContext => ({
    workspaceRoot: ws.root,
    projectName: 'web',
    projectRoot: 'apps/web',
    resultsDir: 'dist/ready/apps/web',
    targets,
  });
  beforeEach(() => {
    ws = new TempWorkspace();
    symlinkSync(REPO_NODE_MODULES, join(ws.root, 'node_modules'));
    ws.write('apps/web/tsconfig.json', { compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['src/**/*.ts'] });
  });
  afterEach(() => ws.cleanup());

  it('passes code that compiles', async () => {
    ws.write('apps/web/src/a.ts', 'export const n: number = 1;\n');
    expect(await typecheckCheck.run(ctx())).toMatchObject({ status: 'pass', score: 100, metric: { value: 0 } });
  });

  it('fails on type errors, naming the config and the errors, with the command to see them', async () => {
    ws.write('apps/web/src/a.ts', 'export const n: number = "one";\n');
    const result = (await typecheckCheck.run(ctx())) as CheckOutcome;
    expect(result).toMatchObject({ status: 'fail', metric: { value: 1 }, fix: 'tsc --noEmit -p apps/web/tsconfig.json' });
    expect(result.details[1].message).toMatch(/apps\/web\/src\/a\.ts\(1,14\): error TS2322/);
  });

  it('does not count project-reference setup errors (TS6310) of a spec config as type errors', async () => {
    ws.write('apps/web/src/a.ts', 'export const n: number = 1;\n');
    ws.write('apps/web/tsconfig.spec.json', {
      compilerOptions: { strict: true, types: [] },
      include: ['src/**/*.ts'],
      references: [{ path: './tsconfig.json' }],
    });
    expect(await typecheckCheck.run(ctx())).toMatchObject({ status: 'pass' });
  });

  it("an import of a workspace package that is not built is one set-up finding, never the project's type errors", async () => {
    ws.write('apps/web/src/a.ts', "import { sdk } from '@ws/sdk';\nimport { ui } from '@ws/ui/button';\nexport const n = [sdk, ui];\n");
    const graph = {
      nodes: {
        '@ws/sdk': { name: '@ws/sdk', type: 'lib', data: { root: 'libs/sdk' } },
        ui: { name: 'ui', type: 'lib', data: { root: 'libs/ui', metadata: { js: { packageName: '@ws/ui' } } } },
      },
      dependencies: {},
    } as unknown as CheckContext['projectGraph'];
    const result = (await typecheckCheck.run({ ...ctx(), projectGraph: graph })) as CheckOutcome;
    expect(result).toMatchObject({ status: 'warn', metric: { value: 0 }, ratchet: { 'type errors': { value: 0 } } });
    expect(result.details[0].message).toMatch(
      /^2 import\(s\) of workspace packages that are not built \(@ws\/sdk, @ws\/ui\) do not resolve/,
    );
    expect(result.fix).toBe('add "typecheck": { "dependsOn": ["^build"] } to targetDefaults in nx.json');
    // A module that is not a workspace package is the project's own error.
    ws.write('apps/web/src/b.ts', "import { x } from 'not-installed-anywhere';\nexport const y = x;\n");
    expect(await typecheckCheck.run({ ...ctx(), projectGraph: graph })).toMatchObject({ status: 'fail', metric: { value: 1 } });
  });

  it("the project's own typecheck target failing only on unbuilt workspace imports is the same set-up finding; any other error fails", async () => {
    const graph = {
      nodes: { '@ws/sdk': { name: '@ws/sdk', type: 'lib', data: { root: 'libs/sdk' } } },
      dependencies: {},
    } as unknown as CheckContext['projectGraph'];
    const unbuiltOnly = [
      '> nx run web:typecheck',
      '> tsc --build --emitDeclarationOnly --pretty false',
      "apps/web/src/a.ts(1,21): error TS2307: Cannot find module '@ws/sdk' or its corresponding type declarations.",
      "apps/web/src/b.ts(2,3): error TS2307: Cannot find module '@ws/sdk/client' or its corresponding type declarations.",
    ].join('\n');
    const withTarget = (output: string): CheckContext => ({
      ...ctx({ typecheck: {} }),
      projectGraph: graph,
      runTarget: async () => ({ success: false, output }),
    });
    const setup = (await typecheckCheck.run(withTarget(unbuiltOnly))) as CheckOutcome;
    expect(setup).toMatchObject({ status: 'warn', metric: { value: 0, text: '0 type error(s); 1 workspace package(s) not built' } });
    expect(setup.details[0].message).toMatch(/^2 import\(s\) of workspace packages that are not built \(@ws\/sdk\)/);
    const own = `${unbuiltOnly}\napps/web/src/c.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.`;
    expect(await typecheckCheck.run(withTarget(own))).toMatchObject({ status: 'fail', metric: { text: 'typecheck fails' } });
  });
});
