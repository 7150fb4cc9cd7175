/**
 * Matrix shape (c): a pnpm workspace on Nx 22 with a Next 15 app (app and pages router, a
 * `workspace:*` dependency) and a Vitest library. `nx affected -t ready` measures both; a test file
 * that fails to load and a build that fails are reported in the same run; every generator runs on
 * the app and the app still builds after.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionlintProblems } from '../../../packages/ready/src/testing/ci-linters';
import { backupOnShape, expectBackupRoundTrip, itWithServices } from './backup-services';
import { REPO_ROOT } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const matrix = require('../../../tools/next-matrix.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { assemblePnpmNx22 } = require('../../../tools/pnpm-nx22.cjs');

const DIR = join(tmpdir(), 'plinto-ready-pnpm-nx22');
const WEB = { project: '@pm/web', root: 'apps/web' };
const CALC = { project: '@pm/calc', root: 'libs/calc' };

describe('a pnpm workspace on Nx 22 with a Next 15 app and a Vitest library', () => {
  let ws: string;
  let pnpm: string;
  let first: { code: number; output: string };
  const report = (p: { root: string }) => JSON.parse(readFileSync(join(ws, 'dist/ready', p.root, 'ready.json'), 'utf8'));
  const check = (p: { root: string }, id: string) => report(p).checks.find((c: { id: string }) => c.id === id);
  const affected = () => matrix.sh(`${pnpm} exec nx affected -t ready --base=HEAD~1 --head=HEAD --parallel=1`, ws);
  beforeAll(
    () => {
      const tarball = readdirSync(join(REPO_ROOT, 'dist')).find((f) => /^plinto-ready-.*\.tgz$/.test(f));
      ({ ws, pnpm } = assemblePnpmNx22(DIR, join(REPO_ROOT, 'dist', tarball!), (m: string) => process.stdout.write(`[pnpm nx22] ${m}\n`)));
      first = affected();
    },
    30 * 60 * 1000,
  );
  afterAll(() => {
    if (process.env.PLINTO_E2E_KEEP !== '1') rmSync(DIR, { recursive: true, force: true });
  });

  it('runs on the workspace’s own Nx 22 and pnpm layout', () => {
    expect(JSON.parse(readFileSync(join(ws, 'node_modules/nx/package.json'), 'utf8')).version).toBe('22.0.0');
    expect(existsSync(join(ws, 'node_modules/.pnpm'))).toBe(true);
    expect(first.output).toContain('nx run @pm/web:ready');
    expect(first.output).toContain('nx run @pm/calc:ready');
  });

  it('measures the Vitest library: its tests and its coverage, from the same istanbul JSON', () => {
    expect(check(CALC, 'tests')).toMatchObject({ status: 'pass', metric: { text: '3 tests pass' } });
    expect(check(CALC, 'coverage').status).toBe('pass');
    expect(existsSync(join(ws, 'coverage/libs/calc/coverage-final.json'))).toBe(true);
  });

  it('with no targetDefaults, the library’s tests wait for the build of the workspace package it imports through its build output', () => {
    const nxJson = JSON.parse(readFileSync(join(ws, 'nx.json'), 'utf8'));
    expect(nxJson.targetDefaults?.test?.dependsOn).toBeUndefined();
    const calc = JSON.parse(matrix.must(`${pnpm} exec nx show project ${CALC.project} --json`, ws));
    expect(calc.targets['coverage-report'].dependsOn).toEqual(['^build']);
    expect(first.output).toContain('nx run @pm/money:build');
    expect(existsSync(join(ws, 'libs/money/dist/index.js'))).toBe(true);
    // The test that imports it ran (3 pass, above); none of it is a set-up finding.
    expect(JSON.stringify(report(CALC))).not.toContain('@pm/money');
  });

  it('measures the Next 15 app: every prerendered route within 5 % of what its HTML loads', () => {
    const nextDir = join(ws, WEB.root, '.next');
    const bundle = check(WEB, 'bundle-size');
    expect(bundle.status).not.toBe('skip');
    const compared = matrix.routesAgainstHtml(nextDir, bundle.data.routes) as Array<{ route: string; within5: boolean }>;
    for (const c of compared) expect({ route: c.route, within5: c.within5 }).toEqual({ route: c.route, within5: true });
    expect(compared.length).toBeGreaterThanOrEqual(4);
    // The audit ran with the workspace's package manager, or says why it could not.
    const audit = check(WEB, 'security-audit');
    // Where the registry gives no audit answer the check skips (it costs no points) and says why.
    if (audit.status === 'skip')
      expect(audit.details[0].message).toMatch(/^audit unavailable: the registry gave no pnpm audit answer: pnpm audit/);
    else expect(audit.metric.unit).toBe('vulnerable packages');
  });

  it('a test file that fails to load and a build that fails are reported in the same run', () => {
    const test = join(ws, CALC.root, 'src/broken.test.js');
    const page = join(ws, WEB.root, 'app/about/page.tsx');
    const original = readFileSync(page, 'utf8');
    writeFileSync(test, "import { missing } from './not-there.js';\nimport { test } from 'vitest';\ntest('x', () => missing());\n");
    writeFileSync(page, `import missing from '../../components/DoesNotExist';\n${original.replace('<h1>', '<h1>{String(missing)}')}`);
    try {
      const run = matrix.sh(`${pnpm} exec nx run-many -t ready -p ${WEB.project} ${CALC.project} --parallel=1`, ws);
      expect(run.code).not.toBe(0);
      const calc = report(CALC);
      expect(calc.status).toBe('fail');
      expect(check(CALC, 'tests')).toMatchObject({ status: 'fail', metric: { text: expect.stringContaining('failed to load') } });
      expect(check(CALC, 'tests').details[0]).toMatchObject({ file: 'libs/calc/src/broken.test.js' });
      const web = report(WEB);
      expect(web.status).toBe('fail');
      expect(web.failures).toContainEqual(expect.stringContaining('the build fails'));
      expect(
        check(WEB, 'build')
          .details.map((d: { message: string }) => d.message)
          .join('\n'),
      ).toContain('DoesNotExist');
    } finally {
      rmSync(test);
      writeFileSync(page, original);
    }
  });

  it('the ci generator writes a workflow for pnpm that actionlint passes, once', async () => {
    const r = matrix.sh(`${pnpm} exec nx g @plinto/ready:ci`, ws);
    expect(r.code).toBe(0);
    expect(r.output).toContain('wrote .github/workflows/ready.yml: pnpm (pnpm-lock.yaml)');
    const file = join(ws, '.github/workflows/ready.yml');
    const workflow = readFileSync(file, 'utf8');
    expect(await actionlintProblems(workflow, '.github/workflows/ready.yml')).toEqual([]);
    expect(workflow).toContain('      - uses: pnpm/action-setup@v4\n');
    expect(workflow).toContain('          cache: pnpm\n');
    expect(workflow).toContain('      - run: pnpm install --frozen-lockfile\n');
    expect(workflow).toContain('run: pnpm exec nx affected -t ready --parallel=2');
    expect(matrix.sh(`${pnpm} exec nx g @plinto/ready:ci`, ws).output).toContain('nothing to change');
    expect(readFileSync(file, 'utf8')).toBe(workflow);
    rmSync(join(ws, '.github'), { recursive: true, force: true });
  });

  it('every generator runs on the app; it still builds and the library’s tests still pass', () => {
    for (const g of ['next-image', 'dynamic-import --measure=false', 'env --skipInstall', 'strict']) {
      const r = matrix.sh(`${pnpm} exec nx g @plinto/ready:${g} --project=${WEB.project}`, ws);
      expect({ generator: g, code: r.code, trace: /^\s+at .+\(.+:\d+:\d+\)$/m.test(r.output) }).toEqual({
        generator: g,
        code: 0,
        trace: false,
      });
    }
    const run = matrix.sh(
      `${pnpm} exec nx run-many -t ready -p ${WEB.project} ${CALC.project} --parallel=1 --minScore=0 --output-style=static`,
      ws,
    );
    expect(run.output).toMatch(/\d+ of 13 checks apply( \(\d+ not measured\))? — /);
    expect(check(WEB, 'build').status).not.toBe('fail');
    expect(check(CALC, 'tests').status).toBe('pass');
  });

  itWithServices(
    "backups on pnpm: the generator's workflow installs with pnpm; db-backup and db-restore-verify load pg and the S3 client from pnpm's layout",
    async () => {
      const r = await backupOnShape({
        ws,
        nx: `${pnpm} exec nx`,
        install: `${pnpm} install --no-frozen-lockfile`,
        project: WEB,
        db: 'pm_web_backup',
        sh: matrix.sh,
      });
      await expectBackupRoundTrip(r, 'pnpm install --frozen-lockfile');
    },
  );
});
