import { symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import * as ts from 'typescript';
import { TempWorkspace } from '../../testing/temp-workspace';
import { envVariable } from '../../testing/env-variables';
import { renderEnvModule } from './env-module';

const variable = envVariable;

const VARIABLES = [
  variable('DATABASE_URL', { type: 'url', secret: true }),
  variable('APP_ORIGIN', { optional: 'alternative' }),
  variable('PAGE_SIZE', { type: 'number', fallback: '20' }),
  variable('NEXT_PUBLIC_SITE_URL', { type: 'url' }),
];

describe('the env module on zod alone (moduleResolution node10)', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = new TempWorkspace()
      .write('tsconfig.json', {
        compilerOptions: {
          strict: true,
          module: 'commonjs',
          moduleResolution: 'node',
          target: 'es2020',
          lib: ['es2020', 'dom'],
          types: ['node'],
          noEmit: true,
        },
        include: ['env.ts', 'use.ts'],
      })
      .write('env.ts', renderEnvModule(VARIABLES, 'zod'))
      .write(
        'use.ts',
        "import { env } from './env';\nexport const n: number = env.PAGE_SIZE;\nexport const s: string | undefined = env.APP_ORIGIN;\n",
      );
    symlinkSync(resolve(__dirname, '../../../../../node_modules'), join(ws.root, 'node_modules'));
  });
  afterAll(() => ws.cleanup());

  it('type-checks under node10 with its types inferred from the schemas', () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      join(ws.root, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    )!;
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('validates at start: defaults and empty values as unset, and a missing required variable throws', () => {
    const code = ts.transpileModule(ws.read('env.ts'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    }).outputText;
    const load = (env: Record<string, string>) => {
      const exports: { env?: Record<string, unknown> } = {};
      const localRequire = createRequire(join(ws.root, 'env.ts'));
      new Function('require', 'exports', 'process', code)(localRequire, exports, { env });
      return exports.env!;
    };
    expect(load({ DATABASE_URL: 'postgres://db.example.com/app', NEXT_PUBLIC_SITE_URL: 'https://example.com', APP_ORIGIN: '' })).toEqual({
      DATABASE_URL: 'postgres://db.example.com/app',
      NEXT_PUBLIC_SITE_URL: 'https://example.com',
      PAGE_SIZE: 20,
    });
    expect(() => load({ NEXT_PUBLIC_SITE_URL: 'https://example.com' })).toThrow(/DATABASE_URL/);
    expect(load({ SKIP_ENV_VALIDATION: '1' })).toMatchObject({ DATABASE_URL: undefined });
    // next build: server values are the deployment's, checked at start; client values are inlined now, checked now.
    const atBuild = { NEXT_PHASE: 'phase-production-build' };
    expect(load({ ...atBuild, NEXT_PUBLIC_SITE_URL: 'https://example.com' })).toEqual({
      NEXT_PUBLIC_SITE_URL: 'https://example.com',
      PAGE_SIZE: 20,
    });
    expect(() => load({ ...atBuild, NEXT_PUBLIC_SITE_URL: 'https://example.com', DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => load({ ...atBuild })).toThrow(/NEXT_PUBLIC_SITE_URL/);
  });
});
