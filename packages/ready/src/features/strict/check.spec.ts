import { TempWorkspace } from '../../testing/temp-workspace';
import { typescriptStrictCheck } from './check';
import { CheckContext, CheckOutcome } from '../../core/contracts/check';

const ctx = (root: string): CheckContext => ({
  workspaceRoot: root,
  projectName: 'web',
  projectRoot: 'apps/web',
  resultsDir: 'dist/ready/apps/web',
});
const run = (root: string) => typescriptStrictCheck.run(ctx(root)) as Promise<CheckOutcome>;

describe('typescript-strict check', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.cleanup());

  it('reports every flag off when TypeScript 5.9 meets a tsconfig without strict', async () => {
    ws.withTypeScript('5.9.3');
    ws.write('tsconfig.base.json', { compilerOptions: { target: 'es2022' } });
    ws.write('apps/web/tsconfig.json', { extends: '../../tsconfig.base.json', include: ['**/*.ts'] });
    const result = await run(ws.root);
    expect(result.status).toBe('fail');
    expect(result.score).toBe(0);
    expect(result.metric).toEqual({ value: 9, unit: 'flags off', text: '9 of 9 strict flags off' });
    expect(result.details[0]).toEqual({
      file: 'apps/web/tsconfig.json',
      message: 'noImplicitAny off by default in TypeScript 5.9.3 (no "strict" set)',
    });
    expect(result.fix).toBe('nx g @plinto/ready:strict --project=web');
  });

  it('passes the same tsconfig under TypeScript 6, where strict is the default', async () => {
    ws.withTypeScript('6.0.3');
    ws.write('apps/web/tsconfig.json', { include: ['**/*.ts'] });
    expect(await run(ws.root)).toMatchObject({ status: 'pass', score: 100, fix: null, metric: { value: 0, text: 'strict on' } });
  });

  it('counts a flag turned off in one of several configs, and ignores solution-style configs', async () => {
    ws.withTypeScript('5.9.3');
    ws.write('apps/web/tsconfig.json', { files: [], references: [{ path: './tsconfig.app.json' }] });
    ws.write('apps/web/tsconfig.app.json', { compilerOptions: { strict: true }, include: ['src'] });
    ws.write('apps/web/tsconfig.spec.json', { compilerOptions: { strict: true, strictNullChecks: false }, include: ['src'] });
    const result = await run(ws.root);
    expect(result.status).toBe('fail');
    expect(result.metric).toMatchObject({ value: 1, text: '1 of 18 strict flags off across 2 tsconfigs (strictNullChecks)' });
    expect(result.score).toBe(Math.round((100 * 17) / 18));
    expect(result.details).toEqual([{ file: 'apps/web/tsconfig.spec.json', message: 'strictNullChecks set to false' }]);
  });

  it('counts a config that only inherits its flags once: the text, the value and the score agree', async () => {
    ws.withTypeScript('5.9.3');
    ws.write('apps/web/tsconfig.json', { compilerOptions: { strict: false }, include: ['**/*.ts'] });
    ws.write('apps/web/tsconfig.spec.json', {
      extends: './tsconfig.json',
      compilerOptions: { types: ['jest'] },
      include: ['**/*.spec.ts'],
    });
    const result = await run(ws.root);
    expect(result.metric).toEqual({ value: 9, unit: 'flags off', text: '9 of 9 strict flags off' });
    expect(result.score).toBe(0);
  });

  it('warns about tagged suppressions left by the strict generator', async () => {
    ws.withTypeScript('5.9.3');
    ws.write('apps/web/tsconfig.json', { compilerOptions: { strict: true } });
    ws.write('apps/web/src/a.ts', '// @ts-expect-error plinto-ready(strict) TS7006: x\nexport const f = (x) => x;\n');
    const result = await run(ws.root);
    expect(result).toMatchObject({
      status: 'warn',
      score: 99,
      metric: { value: 1, unit: 'suppressions', text: 'strict on, 1 suppression(s) left' },
    });
    // strict already ran: the step is the list of suppressions, never the generator again.
    expect(result.fix).not.toContain('@plinto/ready:strict');
    expect(result.fix).toContain('each suppression listed in ready.md');
    expect(result.details).toContainEqual({ file: 'apps/web/src/a.ts', line: 1, message: 'suppressed TS7006: x' });
  });

  it('skips, saying why, when the project has no tsconfig (a style or asset package)', async () => {
    ws.write('apps/web/package.json', { name: 'web' });
    expect(await run(ws.root)).toMatchObject({
      status: 'skip',
      fix: null,
      details: [{ message: 'No tsconfig in apps/web: not a TypeScript project, nothing to check.' }],
    });
    ws.write('apps/web/app/page.tsx', 'export default function Page() { return null; }\n');
    expect((await run(ws.root)).details).toEqual([
      {
        message:
          'No tsconfig in apps/web, although it has TypeScript files: its TypeScript settings cannot be checked. Add a tsconfig.json to the project.',
      },
    ]);
  });
});
