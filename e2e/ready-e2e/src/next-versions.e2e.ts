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
    // turbo.json's test task runs after the app's own build; coverage-report never waits for it (build-record records the build).
    expect(nxJson.targetDefaults.test.dependsOn).toContain('build');
    const shown = JSON.parse(matrix.must(`npx nx show project ${apps[0].project} --json`, ws));
    expect(shown.targets['coverage-report'].dependsOn ?? []).not.toContain('build');
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
      // An error boundary above every page, a not-found page, and /go, which only redirects.
      expect(routes.map((r) => r.route)).toEqual(
        expect.arrayContaining(['/', '/about', '/blog', '/go', '/_not-found', '/shop/[id]', '/legacy']),
      );
      const compared = matrix.routesAgainstHtml(nextDir, routes) as Array<{ route: string; within5: boolean }>;
      for (const c of compared)
        expect({ app: app.app, route: c.route, within5: c.within5 }).toEqual({ app: app.app, route: c.route, within5: true });
      expect(compared.map((c) => c.route)).toEqual(expect.arrayContaining(['/', '/about', '/blog', '/go', '/_not-found', '/legacy']));
    }
  });

  it("a dynamic route's first-load JS (no prerendered HTML) is what the served page's HTML loads, within 5 %", async () => {
    for (const app of apps) {
      const shop = check(readyJson(ws, app), 'bundle-size').data.routes.find((r: { route: string }) => r.route === '/shop/[id]');
      expect(shop.measuredFrom).toBe('manifests');
      const served = (await matrix.servedScriptsGzip(join(ws, app.root), '/shop/1')) as number;
      expect({ app: app.app, within5: Math.abs(shop.gzip - served) / served <= 0.05 }).toEqual({ app: app.app, within5: true });
    }
  }, 180_000);

  it(
    'smoke on each Next.js major (next start; app and pages router): every route answers under load, the missing headers fail it; after nx g headers it passes, and unchanged it is a cache hit',
    () => {
      const projects = `--projects=${apps.map((a) => a.project).join(',')}`;
      const smoke = () => matrix.sh(`npx nx run-many -t smoke ${projects} --routes=/shop/1 --amount=10 --connections=2 --parallel=1`, ws);
      const smokeJson = (app: App) => JSON.parse(readFileSync(join(ws, 'dist/ready', app.root, 'smoke.json'), 'utf8'));
      const before = smoke();
      expect(before.code).not.toBe(0);
      for (const app of apps) {
        const json = smokeJson(app);
        expect(json.startedWith).toBe('next start');
        // The redirecting page answers 3xx; the pages router's page and the option's dynamic path are requested too.
        expect(json.routes.map((r: { path: string }) => r.path)).toEqual(
          expect.arrayContaining(['/', '/about', '/blog', '/go', '/legacy', '/shop/1']),
        );
        for (const r of json.routes)
          expect({ app: app.app, path: r.path, ok: r.status !== null && r.status < 500, errors: r.load?.errors }).toEqual({
            app: app.app,
            path: r.path,
            ok: true,
            errors: 0,
          });
        expect(json.routes.find((r: { path: string }) => r.path === '/go').status).toBeGreaterThanOrEqual(300);
        // Only the headers fail it.
        expect(json.failures.filter((f: string) => !/ missing|X-Powered-By sent/.test(f))).toEqual([]);
        expect(json.failures.length).toBeGreaterThan(0);
      }
      matrix.must(`npx nx g @plinto/ready:headers --all`, ws);
      const after = smoke();
      expect({ code: after.code, output: after.code === 0 ? '' : after.output.slice(-3000) }).toEqual({ code: 0, output: '' });
      for (const app of apps) {
        const json = smokeJson(app);
        expect(json.status).toBe('pass');
        for (const r of json.routes)
          expect({ app: app.app, path: r.path, problems: r.headerProblems }).toEqual({ app: app.app, path: r.path, problems: [] });
      }
      const again = smoke();
      expect(again.output).toMatch(/read the output from the cache instead of running the command for \d+ out of \d+ tasks/);
      for (const app of apps)
        expect(again.output).toMatch(new RegExp(`nx run ${app.project.replace('/', '\\/')}:smoke.*\\[local cache\\]`));
      matrix.must('git add -A && git commit -q -m "secure headers"', ws);
    },
    15 * 60 * 1000,
  );

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

  it('day one on the Turborepo adoption: a failing build and a suite that needs a live URL are held by the baseline; a new failing test is not; one next build per app per run, -t build,ready included', () => {
    // Count the real next builds (an Nx replay prints the cached output again, so the output cannot tell).
    writeFileSync(
      join(ws, 'count-build.cjs'),
      "require('fs').appendFileSync(require('path').join(__dirname, 'builds.log'), require('path').basename(process.cwd()) + '\\n');\n",
    );
    writeFileSync(join(ws, '.gitignore'), readFileSync(join(ws, '.gitignore'), 'utf8') + 'builds.log\n');
    for (const app of apps) {
      const pkgFile = join(ws, app.root, 'package.json');
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
      pkg.scripts.build = 'node ../../count-build.cjs && next build';
      writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
    }
    // Day one as adopted: next15's build fails, and next16 has an integration suite that needs a live deployment.
    const broken = apps.find((a) => a.app === 'next15')!;
    const page = join(ws, broken.root, 'app/about/page.tsx');
    writeFileSync(
      page,
      `import missing from '../../components/DoesNotExist';\n${readFileSync(page, 'utf8').replace('<h1>', '<h1>{String(missing)}')}`,
    );
    const next16 = apps.find((a) => a.app === 'next16')!;
    writeFileSync(
      join(ws, next16.root, 'lib/live.test.js'),
      "if (!process.env.E2E_BASE_URL) throw new Error('E2E_BASE_URL is not set: this suite runs against a live deployment');\ntest('live', () => expect(1).toBe(1));\n",
    );
    matrix.must('git add -A && git commit -q -m "day one: the repository as it is"', ws);
    const projects = `--projects=${apps.map((a) => a.project).join(',')}`;
    const builds = () => {
      const log = join(ws, 'builds.log');
      const lines = readFileSync(log, { encoding: 'utf8', flag: 'a+' }).split('\n').filter(Boolean);
      rmSync(log, { force: true });
      return Object.fromEntries(apps.map((a) => [a.app, lines.filter((l) => l === a.app).length]));
    };
    const summaryProjects = () =>
      JSON.parse(readFileSync(join(ws, 'dist/ready/summary.json'), 'utf8')).projects.map((p: { project: string }) => p.project);

    const baseline = matrix.sh(`npx nx run-many -t ready ${projects} --updateBaseline --output-style=static`, ws);
    expect({ code: baseline.code, tail: baseline.code === 0 ? '' : baseline.output.slice(-3000) }).toEqual({ code: 0, tail: '' });
    // Every app changed (its build script): each built exactly once, the failing one included.
    expect(builds()).toEqual({ next14: 1, next15: 1, next16: 1 });
    expect(summaryProjects()).toEqual(apps.map((a) => a.project));
    expect(check(readyJson(ws, broken), 'build').status).toBe('fail');
    expect(check(readyJson(ws, next16), 'tests').details[0].message).toContain('E2E_BASE_URL');
    matrix.must('git add -A && git commit -q -m "accept the readiness baseline"', ws);

    const unchanged = matrix.sh(`npx nx run-many -t ready ${projects} --output-style=static`, ws);
    expect({ code: unchanged.code, tail: unchanged.code === 0 ? '' : unchanged.output.slice(-3000) }).toEqual({ code: 0, tail: '' });
    // The failing build's record is replayed by its inputs, like a passing one: no build at all.
    expect(builds()).toEqual({ next14: 0, next15: 0, next16: 0 });
    expect(summaryProjects()).toEqual(apps.map((a) => a.project));
    for (const app of apps) expect(readyJson(ws, app).verdict.decidedBy).toBe('baseline');

    // -t build,ready: the outer build and build-record's never both build the app.
    const home = join(ws, next16.root, 'app/page.tsx');
    writeFileSync(home, readFileSync(home, 'utf8').replace('<h1>Home</h1>', '<h1>Home page</h1>'));
    matrix.must('git add -A && git commit -q -m "a copy change"', ws);
    const both = matrix.sh(`npx nx run-many -t build,ready --projects=${next16.project} --output-style=static`, ws);
    expect({ code: both.code, tail: both.code === 0 ? '' : both.output.slice(-3000) }).toEqual({ code: 0, tail: '' });
    expect(builds()).toEqual({ next14: 0, next15: 0, next16: 1 });

    // A new failing test is not held.
    const next14 = apps.find((a) => a.app === 'next14')!;
    writeFileSync(
      join(ws, next14.root, 'lib/refund.test.js'),
      "const { price } = require('./price');\ntest('refund', () => expect(price(-5)).toBe(-0.05));\n",
    );
    matrix.must('git add -A && git commit -q -m "a failing test"', ws);
    const red = matrix.sh(`npx nx run-many -t ready ${projects} --output-style=static`, ws);
    expect(red.code).not.toBe(0);
    expect(red.output).toContain('worse than the baseline: tests fails (baseline: pass)');
    expect(readyJson(ws, next14).status).toBe('fail');
    expect(summaryProjects()).toEqual(apps.map((a) => a.project));
  });
});
