/** `nx affected -t ready` on a real change: real values, the Nx cache, the workspace summary and dashboard. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APP,
  APP_ROOT,
  HERO_PNG,
  LIB,
  LIB_ROOT,
  WS,
  commitAll,
  readWsFile,
  readWsJson,
  resetWorkspace,
  run,
  runOk,
  writeWsFile,
  wsFileExists,
  APP_ARG,
  itNeeds,
} from './harness';

const CHROMIUM = '/usr/bin/chromium';
/** Nx's line for a ready task replayed from its cache (flags such as --minScore=0 are echoed). */
const fromCache = (project: string) => new RegExp(`nx run ${project.replace('/', '\\/')}:ready( --[\\w=]+)*\\s+\\[local cache\\]`);

describe('nx affected -t ready', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ready-e2e-'));
  const stepSummary = join(scratch, 'step-summary.md');
  beforeAll(() => resetWorkspace());
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    resetWorkspace();
  });

  const report = (root = APP_ROOT) => readWsJson(`dist/ready/${root}/ready.json`);
  const check = (id: string) => report().checks.find((c: any) => c.id === id);

  it('runs the tests and the build it depends on, and scores only the affected app, with real values', () => {
    writeWsFile(`${APP_ROOT}/app/hero.tsx`, 'export function Hero() {\n  return <img src="/hero.png" alt="Hero" />;\n}\n');
    mkdirSync(join(WS, APP_ROOT, 'public'), { recursive: true });
    copyFileSync(HERO_PNG, join(WS, APP_ROOT, 'public', 'hero.png'));
    commitAll('add a hero with a raw img');
    writeFileSync(stepSummary, '# CI\n');
    const r = run('npx nx affected -t ready --base=HEAD~1 --head=HEAD --minScore=0', { env: { GITHUB_STEP_SUMMARY: stepSummary } });
    // Two checks fail and there is no baseline or waiver: not ready whatever the score, and the headline names them.
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(
      new RegExp(
        `${APP}: \\d+/100, level \\w+( \\([^)]*\\))?, \\d+ of 13 checks apply( \\(\\d+ not measured\\))? — not ready: images and scripts fail`,
      ),
    );
    expect(r.output).toContain(`nx run ${APP}:ready`);
    expect(r.output).toContain(`nx run ${APP}:coverage-report`);
    expect(r.output).toContain(`nx run ${APP}:build`);
    expect(wsFileExists(`dist/ready/${LIB_ROOT}/ready.json`)).toBe(false);

    const json = report();
    expect(json).toMatchObject({ schemaVersion: 1, project: APP, projectRoot: APP_ROOT, status: 'fail' });
    expect(json.verdict).toMatchObject({ decidedBy: 'checks', failing: ['images', 'scripts'] });
    expect(check('typescript-strict')).toMatchObject({ status: 'pass', score: 100, metric: { value: 0 } });
    expect(check('images')).toMatchObject({
      status: 'fail',
      score: 90,
      metric: { value: 1, unit: 'raw <img>' },
      fix: `nx g @plinto/ready:next-image --project=${APP_ARG}`,
      details: [expect.objectContaining({ file: `${APP_ROOT}/app/hero.tsx`, line: 2 })],
    });
    // Fresh results of the dependencies: the test run and the build.
    expect(check('tests')).toMatchObject({ status: 'pass' });
    expect(check('coverage').metric.unit).toMatch(/^% (lines|statements|functions|branches)$/);
    expect(check('bundle-size').data.routes.map((x: any) => x.route)).toContain('/');
    expect(check('lint').status).toBe('pass');
    expect(check('scripts')).toMatchObject({
      status: 'fail',
      details: expect.arrayContaining([expect.objectContaining({ message: 'no production env file' })]),
    });
    // The score is the weighted mean of the checks that ran.
    const ran = json.checks.filter((c: any) => c.status !== 'skip');
    const weighted = ran.reduce((a: number, c: any) => a + c.score * c.weight, 0) / ran.reduce((a: number, c: any) => a + c.weight, 0);
    expect(json.score).toBe(Math.round(weighted));
  });

  itNeeds("Debian's Chromium (/usr/bin/chromium)", existsSync(CHROMIUM))(
    'writes the workspace summary, appends it to GITHUB_STEP_SUMMARY, and a dashboard Chromium renders',
    () => {
      const summary = readWsJson('dist/ready/summary.json');
      expect(summary.projects.map((p: any) => p.project)).toEqual([APP]);
      const md = readWsFile('dist/ready/summary.md');
      expect(md).toContain(`| ${APP} | ${report().score} |`);
      expect(readFileSync(stepSummary, 'utf8')).toBe('# CI\n' + md);
      const profile = join(scratch, 'chromium-profile');
      const dom = runOk(
        `${CHROMIUM} --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking ` +
          `--disable-component-update --disable-sync --user-data-dir=${profile} --dump-dom file://${join(WS, 'dist/ready/index.html')}`,
      ).stdout;
      expect(dom).toContain('<table id="check-matrix">');
      expect(dom).toContain(`<tr data-project="${APP}">`);
      expect(dom).toMatch(new RegExp(`<figure class="chart" id="routes-${APP}">[\\s\\S]*<rect`));
      expect(dom).toMatch(new RegExp(`<figure class="chart" id="coverage-${APP}">[\\s\\S]*<rect`));
    },
  );

  it('after --updateBaseline the same gaps hold it, and a second identical run comes from the Nx cache, with its outputs restored', () => {
    runOk(`npx nx run ${APP}:ready --updateBaseline`);
    const baseline = readWsJson(`${APP_ROOT}/ready-baseline.json`);
    expect(baseline.checks.images).toEqual({ status: 'fail', figures: { 'convertible raw <img>': 1 } });
    commitAll('accept the readiness baseline');
    runOk('npx nx affected -t ready --base=HEAD~1 --head=HEAD --minScore=0');
    expect(report().verdict).toMatchObject({
      decidedBy: 'baseline',
      headline: 'held by baseline: 2 check(s) still fail (images and scripts), none worse',
    });
    expect(readWsFile(`dist/ready/${APP_ROOT}/ready.md`)).toContain(
      '**held by baseline: 2 check(s) still fail (images and scripts), none worse**',
    );
    const before = report();
    rmSync(join(WS, 'dist'), { recursive: true, force: true });
    const r = runOk('npx nx affected -t ready --base=HEAD~1 --head=HEAD --minScore=0');
    expect(r.output).toMatch(fromCache(APP));
    expect(report()).toEqual(before);
  });

  it('an unrelated change replays the app from cache; a change to one of its inputs reruns it', () => {
    // Unique per run: Nx's cache outlives a run, and an identical change would replay it.
    const unique = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    writeWsFile(`${LIB_ROOT}/src/extra.ts`, `export const extra = '${unique}';\n`);
    commitAll('library only');
    // The library is judged by its own checks (no baseline): only the cache lines matter here.
    const unrelated = run(`npx nx run-many -t ready -p ${APP} ${LIB} --minScore=0`);
    expect(unrelated.output).toMatch(fromCache(APP));
    expect(unrelated.output).not.toMatch(fromCache(LIB));
    writeWsFile(
      `${APP_ROOT}/app/hero.tsx`,
      `export function Hero() {\n  return <img src="/hero.png" alt="Hero" />;\n}\nexport const v = '${unique}';\n`,
    );
    commitAll('app change');
    const related = runOk(`npx nx run-many -t ready -p ${APP} --minScore=0`);
    expect(related.output).toContain(`nx run ${APP}:ready`);
    expect(related.output).not.toMatch(fromCache(APP));
  });

  it('a library where most checks do not apply says how many applied', () => {
    run(`npx nx run ${LIB}:ready --excludeTaskDependencies --skip-nx-cache`);
    const lib = report(LIB_ROOT);
    const applying = lib.checks.filter((c: any) => c.status !== 'skip' || c.fix !== null).length;
    expect(lib.applies).toBe(applying);
    expect(lib.applies).toBeLessThan(lib.checks.length);
    // Of those, the ones that could not be measured are counted apart.
    const unmeasured = lib.checks.filter((c: any) => c.skipped === 'not measured').length;
    expect(readWsFile(`dist/ready/${LIB_ROOT}/ready.md`)).toContain(
      `${applying} of ${lib.checks.length} checks apply${unmeasured > 0 ? ` (${unmeasured} not measured)` : ''}.`,
    );
  });

  it('turning strict off is seen by the TypeScript version the workspace uses, is worse than the baseline, and a waiver passes it', () => {
    const tsconfig = readWsJson(`${APP_ROOT}/tsconfig.json`);
    tsconfig.compilerOptions.strict = false;
    writeWsFile(`${APP_ROOT}/tsconfig.json`, JSON.stringify(tsconfig, null, 2));
    commitAll('relax strict');
    const r = run('npx nx affected -t ready --base=HEAD~1 --head=HEAD');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('not ready: worse than the baseline: typescript-strict fails (baseline: pass)');
    const strict = check('typescript-strict');
    expect(strict).toMatchObject({ status: 'fail', fix: `nx g @plinto/ready:strict --project=${APP_ARG}` });
    expect(strict.metric.value).toBeGreaterThanOrEqual(8);
    expect(strict.details[0].message).toContain('"strict": false');
    expect(report()).toMatchObject({ status: 'fail' });

    const pkg = readWsJson(`${APP_ROOT}/package.json`);
    pkg.nx = {
      ...pkg.nx,
      targets: { ready: { options: { waivers: [{ check: 'typescript-strict', reason: 'legacy code, PLAT-7', expires: '2099-12-31' }] } } },
    };
    writeWsFile(`${APP_ROOT}/package.json`, JSON.stringify(pkg, null, 2));
    commitAll('waive strict');
    const waived = runOk('npx nx affected -t ready --base=HEAD~1 --head=HEAD --output-style=static');
    expect(waived.output).toContain('FAIL (waived until 2099-12-31: legacy code, PLAT-7)');
    expect(report()).toMatchObject({ status: 'pass' });
    expect(check('typescript-strict')).toMatchObject({ status: 'fail', waiver: { active: true, reason: 'legacy code, PLAT-7' } });
  });
});
