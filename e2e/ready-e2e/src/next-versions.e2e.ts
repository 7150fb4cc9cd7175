/**
 * Matrix shape (b): a Turborepo npm-workspaces repository adopted with `nx init`, Next.js 14 (React
 * 18), 15 and 16 side by side (each app with its own Next and React), tests run from a root jest
 * `projects` config. `nx affected -t ready` builds each app through build-record and runs its tests;
 * route sizes match what each prerendered page's HTML loads; a build that fails and a test file
 * that fails to load are reported, not skipped.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const matrix = require('../../../tools/next-matrix.cjs');

const DIR = join(tmpdir(), 'plinto-ready-next-matrix');

interface App {
  app: string;
  next: string;
  bundler: string;
  project: string;
  root: string;
}

const readyJson = (ws: string, app: App) => JSON.parse(readFileSync(join(ws, 'dist/ready', app.root, 'ready.json'), 'utf8'));
const check = (report: { checks: Array<{ id: string }> }, id: string) => report.checks.find((c) => c.id === id) as any;

describe('Next.js 14, 15 and 16 in one package-based repository', () => {
  let ws: string;
  let apps: App[];
  let firstRun: { code: number; output: string };
  beforeAll(
    () => {
      const tarball = readdirSync(join(REPO_ROOT, 'dist')).find((f) => /^plinto-ready-.*\.tgz$/.test(f));
      ({ ws, apps } = matrix.assembleNextMatrix(DIR, join(REPO_ROOT, 'dist', tarball!), (m: string) =>
        process.stdout.write(`[next matrix] ${m}\n`),
      ));
      firstRun = matrix.sh('npx nx affected -t ready --base=HEAD~1 --head=HEAD --parallel=1', ws);
    },
    30 * 60 * 1000,
  );
  afterAll(() => {
    if (process.env.PLINTO_E2E_KEEP !== '1') rmSync(DIR, { recursive: true, force: true });
  });

  it('ready reports on every app, each built by its own Next.js', () => {
    for (const app of apps) {
      const installed = JSON.parse(readFileSync(require.resolve('next/package.json', { paths: [join(ws, app.root)] }), 'utf8')).version;
      expect({ app: app.app, next: installed }).toEqual({ app: app.app, next: app.next });
      const report = readyJson(ws, app);
      expect({ app: app.app, build: check(report, 'build').status }).not.toEqual({ app: app.app, build: 'fail' });
      expect(check(report, 'bundle-size').status).not.toBe('skip');
    }
    expect(firstRun.output).toContain('workspace summary');
  });

  it('was adopted with nx init from Turborepo, and each app’s tests, run from the root jest projects config, count for it', () => {
    const nxJson = JSON.parse(readFileSync(join(ws, 'nx.json'), 'utf8'));
    expect(nxJson.targetDefaults.build).toMatchObject({ dependsOn: ['^build'] });
    for (const app of apps) {
      const report = readyJson(ws, app);
      expect({ app: app.app, tests: check(report, 'tests').status, text: check(report, 'tests').metric?.text }).toEqual({
        app: app.app,
        tests: 'pass',
        text: '1 tests pass',
      });
      expect(check(report, 'coverage').status).toBe('pass');
      expect(JSON.stringify(report)).not.toContain('@nx/jest');
    }
  });

  it("every prerendered route's first-load JS is what its HTML loads, within 5 %, on each Next.js major", () => {
    for (const app of apps) {
      const nextDir = join(ws, app.root, '.next');
      const routes = check(readyJson(ws, app), 'bundle-size').data.routes as Array<{ route: string; gzip: number; nextGzip?: number }>;
      expect(routes.map((r) => r.route)).toEqual(expect.arrayContaining(['/', '/about', '/blog', '/shop/[id]', '/legacy']));
      const compared = matrix.routesAgainstHtml(nextDir, routes) as Array<{ route: string; within5: boolean }>;
      for (const c of compared)
        expect({ app: app.app, route: c.route, within5: c.within5 }).toEqual({ app: app.app, route: c.route, within5: true });
      expect(compared.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('where Next prints its own figure (14, 15) the report shows it and names the layout chunks it leaves out', () => {
    for (const app of apps) {
      const bundle = check(readyJson(ws, app), 'bundle-size');
      const blog = bundle.data.routes.find((r: { route: string }) => r.route === '/blog');
      const note = bundle.details.find((d: { message: string }) => d.message.startsWith("Next's own"));
      if (app.next.startsWith('16')) {
        expect(blog.nextGzip).toBeUndefined();
        expect(note).toBeUndefined();
      } else {
        expect(blog.nextGzip).toBeLessThan(blog.gzip);
        expect(note.message).toMatch(/app\/blog\/layout-[0-9a-f]+\.js/);
      }
    }
  });

  it('a build that fails and a test file that fails to load are reported in the same run, and the summary lists every app', () => {
    const broken = apps.find((a) => a.app === 'next15')!;
    const page = join(ws, broken.root, 'app/about/page.tsx');
    const original = readFileSync(page, 'utf8');
    writeFileSync(page, `import missing from '../../components/DoesNotExist';\n${original.replace('<h1>', '<h1>{String(missing)}')}`);
    const next14 = apps.find((a) => a.app === 'next14')!;
    const brokenTest = join(ws, next14.root, 'lib/broken.test.js');
    writeFileSync(brokenTest, "const { rate } = require('./rates-not-generated');\ntest('rate', () => expect(rate).toBe(1));\n");
    try {
      const run = matrix.sh(`npx nx run-many -t ready --projects=${apps.map((a) => a.project).join(',')} --parallel=1`, ws);
      expect(run.code).not.toBe(0);
      const report = readyJson(ws, broken);
      expect(report.status).toBe('fail');
      expect(report.failures).toContainEqual(expect.stringContaining('the build fails'));
      const build = check(report, 'build');
      expect(build.status).toBe('fail');
      expect(build.details.map((d: { message: string }) => d.message).join('\n')).toMatch(/DoesNotExist/);
      expect(check(report, 'bundle-size').status).toBe('skip');
      const summary = JSON.parse(readFileSync(join(ws, 'dist/ready/summary.json'), 'utf8'));
      expect(summary.projects.map((p: { project: string }) => p.project)).toEqual(apps.map((a) => a.project));
      const row = summary.projects.find((p: { project: string }) => p.project === broken.project);
      expect(row.status).toBe('fail');
      expect(row.failures.join(' ')).toContain('the build fails');
      // The other apps are still measured in that run; next14's unloadable test file fails it.
      for (const app of apps.filter((a) => a !== broken)) expect(check(readyJson(ws, app), 'bundle-size').status).not.toBe('skip');
      const tests = check(readyJson(ws, next14), 'tests');
      expect(tests).toMatchObject({ status: 'fail', details: [{ file: 'apps/next14/lib/broken.test.js' }] });
      expect(tests.details[0].message).toContain('rates-not-generated');
      expect(readyJson(ws, next14).failures).toContain('1 test suite(s) fail to load');
    } finally {
      writeFileSync(page, original);
      rmSync(brokenTest);
    }
  });

  it('every generator runs on the Next 14 app; it still builds and its tests still pass', () => {
    const app = apps.find((a) => a.app === 'next14')!;
    for (const g of ['next-image', 'dynamic-import --measure=false', 'env --skipInstall', 'strict']) {
      const r = matrix.sh(`npx nx g @plinto/ready:${g} --project=${app.project}`, ws);
      expect({ generator: g, code: r.code, trace: /^\s+at .+\(.+:\d+:\d+\)$/m.test(r.output) }).toEqual({
        generator: g,
        code: 0,
        trace: false,
      });
    }
    const after = matrix.sh(`npx nx run ${app.project}:ready --minScore=0 --output-style=static`, ws);
    // ready judges every check (lint may fail where the repo has no lint target): what matters here is that it measured.
    expect(after.output).toMatch(/\d+ of 13 checks apply( \(\d+ not measured\))? — /);
    const report = readyJson(ws, app);
    expect(check(report, 'build').status).not.toBe('fail');
    expect(check(report, 'tests').status).toBe('pass');
  });
});
