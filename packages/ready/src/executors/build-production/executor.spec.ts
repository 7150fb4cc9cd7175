import { ExecutorContext } from '@nx/devkit';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar';
import { recordedPackageManager } from '../../testing/recorded-package-manager';
import { TempWorkspace } from '../../testing/temp-workspace';
import buildProductionExecutor from './executor';
import { buildSeconds, measureRoutes } from '../../features/build/next-output';
import { BuildProductionReport } from '../../features/build/types';

/** Deterministic, barely compressible text of a given length (a chunk that gzip cannot shrink away). */
function noise(bytes: number, seed = 1): string {
  let block = createHash('sha256').update(String(seed)).digest();
  let out = '';
  while (out.length < bytes) {
    block = createHash('sha256').update(block).digest();
    out += block.toString('base64');
  }
  return out.slice(0, bytes);
}

/** A .next folder in the shape Next 16 (Turbopack) writes, with chunk contents of known sizes. */
function seedNextBuild(ws: TempWorkspace, { standalone = true } = {}) {
  const chunk = (name: string, bytes: number) => ws.write(`apps/web/.next/static/chunks/${name}`, noise(bytes, bytes));
  chunk('main-a.js', 1000);
  chunk('main-b.js', 2000);
  chunk('poly.js', 500);
  chunk('layout.js', 3000);
  chunk('page.js', 4000);
  chunk('heavy.js', 250_000);
  ws.write('apps/web/.next/build-manifest.json', {
    pages: { '/_app': [] },
    polyfillFiles: ['static/chunks/poly.js'],
    rootMainFiles: ['static/chunks/main-a.js', 'static/chunks/main-b.js'],
  });
  ws.write('apps/web/.next/app-path-routes-manifest.json', { '/page': '/', '/charts/page': '/charts', '/api/hello/route': '/api/hello' });
  const rsc = (entry: string, files: Record<string, string[]>) =>
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify({ clientModules: {}, entryJSFiles: files })};\n`;
  ws.write(
    'apps/web/.next/server/app/page_client-reference-manifest.js',
    rsc('/page', {
      '[project]/apps/web/app/layout': ['static/chunks/layout.js'],
      '[project]/apps/web/app/page': ['static/chunks/page.js'],
    }),
  );
  ws.write(
    'apps/web/.next/server/app/charts/page_client-reference-manifest.js',
    rsc('/charts/page', {
      '[project]/apps/web/app/layout': ['static/chunks/layout.js'],
      '[project]/apps/web/app/charts/page': ['static/chunks/heavy.js', 'static/chunks/main-a.js'],
    }),
  );
  ws.write(
    'apps/web/.next/trace',
    JSON.stringify([{ name: 'run-turbopack', duration: 1_000_000 }]) +
      '\n' +
      JSON.stringify([{ name: 'next-build', duration: 12_345_678 }]) +
      '\n',
  );
  ws.write('apps/web/public/robots.txt', 'User-agent: *\n');
  if (standalone) {
    ws.write('apps/web/.next/standalone/apps/web/server.js', "console.log('server');\n");
    ws.write('apps/web/.next/standalone/package.json', '{}');
  }
}

const gz = (bytes: number) => gzipSync(Buffer.from(noise(bytes, bytes))).length;

function context(root: string): ExecutorContext {
  return {
    root,
    cwd: root,
    isVerbose: false,
    projectName: 'web',
    projectsConfigurations: { version: 2, projects: { web: { root: 'apps/web' } } },
    nxJsonConfiguration: {},
    projectGraph: { nodes: {}, dependencies: {}, externalNodes: {} },
  } as unknown as ExecutorContext;
}

describe('build-production', () => {
  let ws: TempWorkspace;
  let logs: string[];
  let spies: jest.SpyInstance[];
  const report = (): BuildProductionReport => JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/build-production.json'), 'utf8'));
  beforeEach(() => {
    ws = new TempWorkspace();
    logs = [];
    const keep = (m: unknown) => void logs.push(String(m));
    spies = [jest.spyOn(console, 'info').mockImplementation(keep), jest.spyOn(console, 'error').mockImplementation(keep)];
  });
  afterEach(() => {
    spies.forEach((s) => s.mockRestore());
    ws.cleanup();
  });

  it('measures first-load JS per app route: root main files plus the route chunks, polyfills apart', () => {
    seedNextBuild(ws);
    const { routes } = measureRoutes(ws.root, 'apps/web/.next');
    expect(routes.map((r) => r.route)).toEqual(['/', '/charts']);
    expect(routes[0].firstLoadJs).toEqual({ raw: 1000 + 2000 + 3000 + 4000, gzip: gz(1000) + gz(2000) + gz(3000) + gz(4000) });
    // main-a.js appears twice for /charts and is downloaded once.
    expect(routes[1].chunks.map((c) => c.file)).toEqual([
      'static/chunks/main-a.js',
      'static/chunks/main-b.js',
      'static/chunks/layout.js',
      'static/chunks/heavy.js',
    ]);
    expect(routes[1].polyfills).toEqual({ raw: 500, gzip: gz(500) });
    expect(buildSeconds(ws.root, 'apps/web/.next')).toBe(12.35);
  });

  it('a prerendered route is measured by the scripts its HTML loads (error boundary and redirect routes included), a dynamic one by the manifests', () => {
    seedNextBuild(ws);
    // The manifests give / its layout and page chunks; the HTML Next wrote loads an error boundary's
    // chunk too (the manifests leave it out), under a basePath, with a deployment query, beside a
    // noModule polyfill and inline scripts that are no files.
    ws.write('apps/web/.next/static/chunks/error.js', noise(6000, 6000));
    ws.write(
      'apps/web/.next/server/app/index.html',
      '<!DOCTYPE html><html><head>' +
        '<link rel="preload" as="script" href="/shop/_next/static/chunks/heavy.js"/>' +
        '<script src="/shop/_next/static/chunks/main-a.js?dpl=abc" async=""></script>' +
        "<script src='/shop/_next/static/chunks/main-b.js' async></script>" +
        '<script noModule src="/shop/_next/static/chunks/poly.js"></script>' +
        '<script src="/shop/_next/static/chunks/error.js" async=""></script>' +
        '<script src="/shop/_next/static/chunks/page.js" async=""></script>' +
        '<script src="https://cdn.example.com/analytics.js"></script>' +
        '</head><body><script>self.__next_f.push([1,"x"])</script></body></html>',
    );
    const { routes } = measureRoutes(ws.root, 'apps/web/.next');
    const home = routes.find((r) => r.route === '/')!;
    expect(home.measuredFrom).toBe('html');
    expect(home.chunks.map((c) => c.file)).toEqual([
      'static/chunks/main-a.js',
      'static/chunks/main-b.js',
      'static/chunks/error.js',
      'static/chunks/page.js',
    ]);
    expect(home.firstLoadJs.gzip).toBe(gz(1000) + gz(2000) + gz(6000) + gz(4000));
    // /charts has no HTML (rendered on request): the manifests' account.
    expect(routes.find((r) => r.route === '/charts')!.measuredFrom).toBe('manifests');
    // A redirecting page's HTML loads only the shared files: never its manifest entry's chunks.
    ws.write('apps/web/.next/server/app/charts.html', '<html><script src="/_next/static/chunks/main-a.js" async></script></html>');
    const charts = measureRoutes(ws.root, 'apps/web/.next').routes.find((r) => r.route === '/charts')!;
    expect(charts).toMatchObject({ measuredFrom: 'html', firstLoadJs: { raw: 1000, gzip: gz(1000) } });
  });

  it("webpack on Next 13–15: the page's entry and its layouts from app-build-manifest, not other routes' client chunks; Next's own figure beside it", () => {
    seedNextBuild(ws);
    ws.write('apps/web/.next/static/chunks/blog-layout.js', noise(600, 6));
    ws.write('apps/web/.next/static/chunks/blog-page.js', noise(800, 8));
    ws.write('apps/web/.next/app-path-routes-manifest.json', { '/blog/page': '/blog' });
    const main = ['static/chunks/main-a.js', 'static/chunks/main-b.js'];
    ws.write('apps/web/.next/app-build-manifest.json', {
      pages: {
        '/layout': [...main, 'static/css/app.css', 'static/chunks/layout.js'],
        '/blog/layout': [...main, 'static/chunks/blog-layout.js'],
        '/blog/page': [...main, 'static/chunks/blog-page.js'],
        '/charts/page': [...main, 'static/chunks/heavy.js'],
      },
    });
    // webpack's client reference manifest lists the client modules of every route, /charts' heavy chunk included.
    ws.write(
      'apps/web/.next/server/app/blog/page_client-reference-manifest.js',
      `globalThis.__RSC_MANIFEST = { "/blog/page": ${JSON.stringify({
        clientModules: {
          '/src/charts.tsx': { chunks: ['9', 'static/chunks/heavy.js'] },
          '/src/nav.tsx': { chunks: ['static/chunks/blog-layout.js'] },
        },
      })} };`,
    );
    const [blog] = measureRoutes(ws.root, 'apps/web/.next').routes;
    expect(blog.chunks.map((c) => c.file)).toEqual([
      ...main,
      'static/chunks/blog-page.js',
      'static/chunks/layout.js',
      'static/chunks/blog-layout.js',
    ]);
    expect(blog.nextFirstLoadJs).toEqual({
      raw: 1000 + 2000 + 800,
      gzip: gz(1000) + gz(2000) + gzipSync(Buffer.from(noise(800, 8))).length,
      leavesOut: ['static/chunks/layout.js', 'static/chunks/blog-layout.js'],
    });
  });

  it("webpack on Next 16 (no app-build-manifest, no entryJSFiles): only the client modules the route's server bundle references", () => {
    seedNextBuild(ws);
    ws.write('apps/web/.next/app-path-routes-manifest.json', { '/charts/page': '/charts' });
    ws.write(
      'apps/web/.next/server/app/charts/page_client-reference-manifest.js',
      `globalThis.__RSC_MANIFEST = { "/charts/page": ${JSON.stringify({
        clientModules: {
          '/ws/apps/web/src/chart.tsx': { chunks: ['1', 'static/chunks/page.js'] },
          '/ws/apps/web/src/other.tsx#default': { chunks: ['2', 'static/chunks/heavy.js'] },
        },
      })} };`,
    );
    ws.write('apps/web/.next/server/app/charts/page.js', 'require("../../chunks/77.js");');
    ws.write('apps/web/.next/server/app/charts/page.js.nft.json', { files: ['../../chunks/77.js', '../../../package.json'] });
    ws.write('apps/web/.next/server/chunks/77.js', 'createProxy(String.raw`/ws/apps/web/src/chart.tsx`)');
    const [charts] = measureRoutes(ws.root, 'apps/web/.next').routes;
    expect(charts.chunks.map((c) => c.file)).toEqual(['static/chunks/main-a.js', 'static/chunks/main-b.js', 'static/chunks/page.js']);
    expect(charts.nextFirstLoadJs).toBeUndefined();
  });

  it('measures pages-router pages: /_app, the page files and the route manifests its HTML loads', () => {
    seedNextBuild(ws);
    ws.write('apps/web/.next/static/chunks/pages/_app.js', noise(700, 7));
    ws.write('apps/web/.next/static/chunks/pages/legacy.js', noise(900, 9));
    ws.write('apps/web/.next/static/B1/_buildManifest.js', noise(300, 3));
    ws.write('apps/web/.next/static/B1/_ssgManifest.js', noise(20, 2));
    ws.write('apps/web/.next/build-manifest.json', {
      pages: {
        '/_app': ['static/chunks/main-a.js', 'static/chunks/pages/_app.js'],
        '/legacy': ['static/chunks/main-a.js', 'static/chunks/pages/legacy.js'],
      },
      lowPriorityFiles: ['static/B1/_buildManifest.js', 'static/B1/_ssgManifest.js', 'static/B1/_ssgManifest.css'],
      polyfillFiles: ['static/chunks/poly.js'],
      rootMainFiles: ['static/chunks/main-a.js', 'static/chunks/main-b.js'],
    });
    const legacy = measureRoutes(ws.root, 'apps/web/.next').routes.find((r) => r.route === '/legacy')!;
    expect(legacy.router).toBe('pages');
    expect(legacy.chunks.map((c) => c.file)).toEqual([
      'static/chunks/main-a.js',
      'static/chunks/pages/_app.js',
      'static/chunks/pages/legacy.js',
      'static/B1/_buildManifest.js',
      'static/B1/_ssgManifest.js',
    ]);
    expect(legacy.firstLoadJs.raw).toBe(1000 + 700 + 900 + 300 + 20);
  });

  it('fails a route over its budget, naming it, its size, the budget and its largest chunks', async () => {
    seedNextBuild(ws);
    const result = await buildProductionExecutor({ budgets: { firstLoadJsKb: 100, routes: { '/': 50 } }, audit: false }, context(ws.root));
    expect(result.success).toBe(false);
    const r = report();
    expect(r.routes.map((x) => [x.route, x.budgetKb, x.overBudget])).toEqual([
      ['/', 50, false],
      ['/charts', 100, true],
    ]);
    expect(r.failures[0]).toMatch(
      /^route \/charts: first-load JS [\d.]+ kB gzip is over its budget of 100 kB; largest chunks: static\/chunks\/heavy\.js/,
    );
    expect(logs.join('\n')).toContain('FAIL route /charts');
  });

  it("fails with the build's recorded error, measuring nothing, when build-record says the build failed", async () => {
    // The .next of an older build is still there; this run's record says the build failed.
    seedNextBuild(ws, { standalone: true });
    ws.write('dist/ready/apps/web/build-run.json', {
      schemaVersion: 1,
      target: 'build',
      success: false,
      exitCode: 1,
      error: ['Failed to compile.', "Type error: Cannot find module '@ws/sdk'"],
    });
    expect((await buildProductionExecutor({ audit: false, buildRecorded: true }, context(ws.root))).success).toBe(false);
    expect(logs.join('\n')).toContain(
      "web: the build fails (nx run web:build exited with 1); nothing to measure:\nFailed to compile.\nType error: Cannot find module '@ws/sdk'",
    );
    expect(existsSync(join(ws.root, 'dist/ready/apps/web/build-production.json'))).toBe(false);
    // A record of a build that passed measures as before.
    ws.write('dist/ready/apps/web/build-run.json', { schemaVersion: 1, target: 'build', success: true, exitCode: 0, error: [] });
    expect((await buildProductionExecutor({ audit: false, buildRecorded: true }, context(ws.root))).success).toBe(true);
  });

  it('passes within budget and writes the build manifest and a deployment package with static/ and public/', async () => {
    seedNextBuild(ws);
    expect((await buildProductionExecutor({ audit: false }, context(ws.root))).success).toBe(true);
    const r = report();
    expect(r).toMatchObject({
      status: 'pass',
      build: { seconds: 12.35, slow: false },
      deployPackage: { path: 'dist/ready/apps/web/deploy.tar.gz', entry: 'apps/web/server.js' },
    });
    const manifest = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/build-manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ project: 'web', node: process.version, buildSeconds: 12.35, git: { sha: null } });
    const paths = manifest.package.files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['apps/web/server.js', 'apps/web/.next/static/chunks/heavy.js', 'apps/web/public/robots.txt']),
    );
    expect(manifest.package.files.find((f: { path: string }) => f.path === 'apps/web/server.js').sha256).toMatch(/^[0-9a-f]{64}$/);
    const out = mkdtempSync(join(tmpdir(), 'unpack-'));
    try {
      await tar.extract({ file: join(ws.root, 'dist/ready/apps/web/deploy.tar.gz'), cwd: out });
      expect(readFileSync(join(out, 'apps/web/server.js'), 'utf8')).toContain('server');
      expect(existsSync(join(out, 'apps/web/public/robots.txt'))).toBe(true);
      expect(existsSync(join(out, 'apps/web/.next/static/chunks/page.js'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('judges the audit the security-audit target recorded for this lockfile at its own auditLevel, and audits itself for another lockfile', async () => {
    seedNextBuild(ws);
    const lock = JSON.stringify({ name: 'ws', lockfileVersion: 3, requires: true, packages: { '': { name: 'ws' } } });
    ws.write('package-lock.json', lock);
    const recorded = {
      schemaVersion: 1,
      lockfile: { path: 'package-lock.json', sha256: createHash('sha256').update(lock).digest('hex') },
      unavailable: null,
      vulnerabilities: [{ name: 'next', severity: 'critical', direct: true, title: 'Recorded advisory' }],
      packagesInScope: 12,
    };
    ws.write('dist/ready/apps/web/security-audit.json', recorded);
    expect((await buildProductionExecutor({ auditLevel: 'critical' }, context(ws.root))).success).toBe(false);
    expect(report().audit).toMatchObject({
      status: 'fail',
      level: 'critical',
      vulnerabilities: [{ name: 'next', title: 'Recorded advisory' }],
    });
    expect(report().failures).toContain('security audit: 1 package(s) at or above "critical": next (critical)');
    // A new lockfile: the record no longer says anything about it, so the package manager runs (a recorded answer).
    ws.write('package-lock.json', lock.replace('"ws"}', '"ws", "version": "1.0.0"}'));
    const npm = recordedPackageManager({ stdout: JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} }) });
    try {
      await buildProductionExecutor({ auditLevel: 'critical' }, context(ws.root));
    } finally {
      npm.restore();
    }
    expect(npm.calls()).toBe(1);
    expect(report().audit).toMatchObject({ status: 'pass', vulnerabilities: [] });
  });

  it("skips the package, saying how to enable it, without output: 'standalone'", async () => {
    seedNextBuild(ws, { standalone: false });
    expect((await buildProductionExecutor({ audit: false }, context(ws.root))).success).toBe(true);
    expect(report().deployPackage).toEqual({ skipped: expect.stringContaining("add output: 'standalone' to next.config.*") });
    expect(existsSync(join(ws.root, 'dist/ready/apps/web/deploy.tar.gz'))).toBe(false);
  });

  it('fails a slow build', async () => {
    seedNextBuild(ws);
    expect((await buildProductionExecutor({ maxBuildSeconds: 5, audit: false, deployPackage: false }, context(ws.root))).success).toBe(
      false,
    );
    expect(report().failures).toEqual(['next build took 12.35 s (its trace), over maxBuildSeconds 5']);
  });

  it('no build output, or manifests it cannot read: one clear message, nothing written', async () => {
    expect((await buildProductionExecutor({}, context(ws.root))).success).toBe(false);
    expect(logs.join('\n')).toContain(
      'No Next.js build output in apps/web/.next or dist/apps/web/.next (no build-manifest.json): run the project',
    );
    seedNextBuild(ws);
    ws.write('apps/web/.next/build-manifest.json', '{ "somethingNew": true }');
    expect((await buildProductionExecutor({}, context(ws.root))).success).toBe(false);
    expect(logs.join('\n')).toContain('apps/web/.next/build-manifest.json has neither rootMainFiles nor pages');
    ws.write('apps/web/.next/build-manifest.json', '{ nope');
    expect((await buildProductionExecutor({}, context(ws.root))).success).toBe(false);
    expect(logs.join('\n')).toContain('apps/web/.next/build-manifest.json cannot be read as JSON');
    expect(existsSync(join(ws.root, 'dist'))).toBe(false);
  });
});
