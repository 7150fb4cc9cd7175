/** `nx affected -t ready` on a real change, real values in ready.json, and the Nx cache. */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { APP, APP_ROOT, HERO_PNG, LIB_ROOT, WS, commitAll, readWsJson, resetWorkspace, run, runOk, writeWsFile, wsFileExists } from './harness';

describe('nx affected -t ready', () => {
  beforeAll(() => resetWorkspace());
  afterAll(() => resetWorkspace());

  const report = () => readWsJson(`dist/ready/${APP_ROOT}/ready.json`);
  const check = (id: string) => report().checks.find((c: any) => c.id === id);

  it('scores only the affected app, counting a raw <img> placed in it', () => {
    writeWsFile(`${APP_ROOT}/app/hero.tsx`, 'export function Hero() {\n  return <img src="/hero.png" alt="Hero" />;\n}\n');
    mkdirSync(join(WS, APP_ROOT, 'public'), { recursive: true });
    copyFileSync(HERO_PNG, join(WS, APP_ROOT, 'public', 'hero.png'));
    commitAll('add a hero with a raw img');
    const r = runOk('npx nx affected -t ready --base=HEAD~1 --head=HEAD');
    expect(r.output).toContain(`nx run ${APP}:ready`);
    expect(wsFileExists(`dist/ready/${LIB_ROOT}/ready.json`)).toBe(false);

    const json = report();
    expect(json).toMatchObject({ schemaVersion: 1, project: APP, projectRoot: APP_ROOT, status: 'pass' });
    expect(check('typescript-strict')).toMatchObject({ status: 'pass', score: 100, metric: { value: 0 } });
    expect(check('images')).toMatchObject({
      status: 'fail',
      score: 90,
      metric: { value: 1, unit: 'raw <img>' },
      fix: `nx g @plinto/ready:next-image --project=${APP}`,
      details: [expect.objectContaining({ file: `${APP_ROOT}/app/hero.tsx`, line: 2 })],
    });
    expect(json.score).toBe(Math.round((100 * 20 + 90 * 10) / 30));
    expect(wsFileExists(`dist/ready/${APP_ROOT}/ready.md`)).toBe(true);
  });

  it('a second identical run comes from the Nx cache, with its outputs restored', () => {
    const before = report();
    rmSync(join(WS, 'dist'), { recursive: true, force: true });
    const r = runOk('npx nx affected -t ready --base=HEAD~1 --head=HEAD');
    expect(r.output).toMatch(/local cache|remote cache|Nx read the output from the cache/);
    expect(report()).toEqual(before);
  });

  it('turning strict off is seen by the TypeScript version the workspace uses, and fails under minScore', () => {
    const tsconfig = readWsJson(`${APP_ROOT}/tsconfig.json`);
    tsconfig.compilerOptions.strict = false;
    writeWsFile(`${APP_ROOT}/tsconfig.json`, JSON.stringify(tsconfig, null, 2));
    commitAll('relax strict');
    const r = run('npx nx affected -t ready --base=HEAD~1 --head=HEAD');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('under the minimum of 80');
    const strict = check('typescript-strict');
    expect(strict).toMatchObject({ status: 'fail', fix: `nx g @plinto/ready:strict --project=${APP}` });
    expect(strict.metric.value).toBeGreaterThanOrEqual(8);
    expect(strict.details[0].message).toContain('"strict": false');
    expect(report()).toMatchObject({ status: 'fail' });
    expect(report().score).toBeLessThan(80);
  });
});
