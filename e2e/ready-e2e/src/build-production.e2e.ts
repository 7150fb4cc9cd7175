/** build-production on the real Next.js app: route sizes, budgets, audit, manifest, a deploy package that boots. */
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APP,
  APP_ROOT,
  WS,
  httpGet,
  readWsFile,
  readWsJson,
  resetWorkspace,
  run,
  runOk,
  sh,
  startServer,
  stopServer,
  useStandaloneOutput,
} from './harness';

describe('build-production', () => {
  let server: ChildProcess | undefined;
  let unpacked: string | undefined;
  beforeAll(() => {
    resetWorkspace();
    useStandaloneOutput();
  });
  afterAll(() => {
    stopServer(server);
    if (unpacked) rmSync(unpacked, { recursive: true, force: true });
    resetWorkspace();
  });

  const report = () => readWsJson(`dist/ready/${APP_ROOT}/build-production.json`);

  it('builds through Nx, then reports every route with the JS a browser really loads', () => {
    const r = runOk(`npx nx run ${APP}:build-production`);
    expect(r.output).toContain(`nx run ${APP}:build`);
    expect(r.output).toContain(`nx run ${APP}:security-audit`);
    const json = report();
    expect(json.status).toBe('pass');
    const home = json.routes.find((x: any) => x.route === '/');
    expect(home).toMatchObject({ router: 'app', overBudget: false, budgetKb: 200 });
    expect(home.firstLoadJs.gzip).toBeGreaterThan(10_000);
    // The prerendered page's own <script src> tags (less the noModule polyfills) are exactly the files counted.
    const html = readFileSync(join(WS, APP_ROOT, '.next/server/app/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script src="\/_next\/([^"]+)"([^>]*)>/g)].filter((m) => !/noModule/i.test(m[2])).map((m) => m[1]);
    expect(home.chunks.map((c: any) => c.file).sort()).toEqual([...new Set(scripts)].sort());
    expect(r.output).toMatch(/\/\s+app\s+[\d.]+ kB/);
  });

  it('the audit runs scoped to the project, and says "unavailable" with the reason when the registry cannot answer', () => {
    // security-audit recorded it beside the build; build-production judged that record.
    const recorded = readWsJson(`dist/ready/${APP_ROOT}/security-audit.json`);
    expect(recorded.lockfile.path).toBe('package-lock.json');
    const audit = report().audit;
    expect(audit.packagesInScope).toBe(recorded.packagesInScope);
    // The record says the same on every run; what the registry said this time is in the note beside it.
    if (recorded.unavailable === null) expect(audit.reason).toBeNull();
    else expect(audit.reason).toBe(`${recorded.unavailable}: ${readWsFile(`dist/ready/${APP_ROOT}/security-audit.note.txt`).trim()}`);
    expect(audit.packagesInScope).toBeGreaterThan(0);
    if (audit.status === 'unavailable') expect(audit.reason).toMatch(/npm audit/);
    else expect(['pass', 'fail']).toContain(audit.status);
  });

  it('writes a build manifest with the git sha, versions, build time and every packaged file hashed', () => {
    const manifest = readWsJson(`dist/ready/${APP_ROOT}/build-manifest.json`);
    expect(manifest.git.sha).toBe(sh('git rev-parse HEAD').trim());
    expect(manifest.next).toMatch(/^16\./);
    expect(manifest.buildSeconds).toBeGreaterThan(0);
    expect(manifest.package.entry).toBe(`${APP_ROOT}/server.js`);
    expect(manifest.package.files.length).toBeGreaterThan(10);
  });

  it('at a new commit with the same files, the manifest names the new commit; the build itself is replayed, not run', () => {
    sh('git commit -q --allow-empty -m "a commit that changes no file"');
    const r = runOk(`npx nx run ${APP}:build-production`);
    expect(readWsJson(`dist/ready/${APP_ROOT}/build-manifest.json`).git.sha).toBe(sh('git rev-parse HEAD').trim());
    expect(r.output).toMatch(/nx run @ws\/web:build-record.*\[(local|existing outputs match the) cache/);
  });

  it('the deploy package, unpacked elsewhere, starts with node server.js and serves the page', async () => {
    unpacked = mkdtempSync(join(tmpdir(), 'deploy-'));
    runOk(`tar -xzf ${join(WS, 'dist/ready', APP_ROOT, 'deploy.tar.gz')} -C ${unpacked}`);
    const port = 44000 + Math.floor(Math.random() * 1000);
    server = await startServer(`env PORT=${port} HOSTNAME=127.0.0.1 node ${APP_ROOT}/server.js`, unpacked, `http://127.0.0.1:${port}/`);
    const page = await httpGet(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Welcome');
    const chunk = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(page.body)![1];
    expect((await httpGet(`http://127.0.0.1:${port}${chunk}`)).status).toBe(200);
    stopServer(server);
    server = undefined;
  });

  it('a tight budget fails, naming the route, its size, the budget and its largest chunks; a loose one passes', () => {
    const tight = run(`npx nx run ${APP}:build-production --budgets.firstLoadJsKb=1`);
    expect(tight.code).not.toBe(0);
    expect(tight.output).toMatch(
      /FAIL route \/: first-load JS [\d.]+ kB gzip is over its budget of 1 kB; largest chunks: static\/chunks\/\S+\.js [\d.]+ kB/,
    );
    const loose = runOk(`npx nx run ${APP}:build-production --budgets.firstLoadJsKb=5000`);
    expect(loose.output).toContain('build-production passed');
  });

  it('the ready report picks up bundle-size, security-audit and build', () => {
    runOk(`npx nx run ${APP}:build-production --skip-nx-cache`);
    run(`npx nx run ${APP}:ready --skip-nx-cache`);
    const checks = readWsJson(`dist/ready/${APP_ROOT}/ready.json`).checks;
    const byId = (id: string) => checks.find((c: any) => c.id === id);
    expect(byId('bundle-size')).toMatchObject({ status: 'pass' });
    expect(byId('build')).toMatchObject({ status: 'pass' });
    expect(['pass', 'warn', 'fail', 'skip']).toContain(byId('security-audit').status);
  });
});
