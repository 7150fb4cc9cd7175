/** smoke on the real Next.js app: the deploy package booted outside the workspace, every route under load, the security headers. */
import Ajv from 'ajv';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import {
  APP,
  APP_ARG,
  APP_ROOT,
  ENV,
  REPO_ROOT,
  WS,
  commitAll,
  readWsJson,
  resetWorkspace,
  run,
  runOk,
  writeWsFile,
  useStandaloneOutput,
} from './harness';

const SMOKE_JSON = `dist/ready/${APP_ROOT}/smoke.json`;

/** Does anything accept connections on the port (loopback)? */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('smoke', () => {
  beforeAll(() => {
    resetWorkspace();
    // build-production packs the standalone output, smoke boots it.
    useStandaloneOutput();
  });
  afterAll(() => resetWorkspace());

  it('boots the deploy package, requests every built route, and fails naming each missing security header', () => {
    const r = run(`npx nx run ${APP}:smoke --amount=20 --connections=2`);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(`nx run ${APP}:build-production`);
    expect(r.output).toMatch(
      /started with deploy package dist\/ready\/apps\/web\/deploy\.tar\.gz \(node .*server\.js, unpacked outside the workspace\)/,
    );
    const json = readWsJson(SMOKE_JSON);
    const home = json.routes.find((x: any) => x.path === '/');
    expect(home).toMatchObject({ status: 200, from: 'static', error: null });
    expect(home.bytes).toBeGreaterThan(1000);
    expect(home.load.requests).toBe(20);
    expect(home.load.errors).toBe(0);
    expect(home.headerProblems).toEqual(
      expect.arrayContaining(['Strict-Transport-Security missing', 'X-Powered-By sent (set poweredByHeader: false)']),
    );
    expect(r.output).toContain('/: Strict-Transport-Security missing');
    // smoke.json follows its JSON schema.
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/ready/src/executors/smoke/smoke.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect({ valid: validate(json), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
  });

  it('with readyRunsSmoke, ready runs the recorded smoke (never the gate) and reports the missing headers as its security-headers check', () => {
    const nx = readWsJson('nx.json');
    nx.plugins.find((p: { plugin?: string }) => p.plugin === '@plinto/ready').options.readyRunsSmoke = true;
    writeWsFile('nx.json', JSON.stringify(nx, null, 2));
    commitAll('ready runs smoke');
    const r = run(`npx nx run ${APP}:ready --minScore=0`);
    expect(r.output).toContain(`nx run ${APP}:smoke-record`);
    expect(r.output).not.toMatch(new RegExp(`nx run ${APP.replace('/', '\\/')}:smoke\\s`));
    const record = readWsJson(`dist/ready/${APP_ROOT}/smoke-record.json`);
    expect(record.startedWith).toBe('next start');
    expect(record.routes.find((x: any) => x.path === '/')).toMatchObject({ status: 200, error: null });
    const ready = readWsJson(`dist/ready/${APP_ROOT}/ready.json`);
    const byId = (id: string) => ready.checks.find((c: any) => c.id === id);
    expect(byId('smoke')).toMatchObject({ status: 'pass', score: 100, fix: null });
    expect(byId('security-headers')).toMatchObject({ status: 'fail', score: 0, fix: `nx g @plinto/ready:headers --project=${APP_ARG}` });
    expect(byId('security-headers').items).toEqual(expect.arrayContaining(['Strict-Transport-Security missing']));
    expect(r.output).toMatch(/\d+ of 15 checks apply/);
  });

  it('after nx g headers, every required header is in smoke.json and smoke passes; unchanged, it is a cache hit', () => {
    runOk(`npx nx g @plinto/ready:headers --project=${APP_ARG}`);
    commitAll('secure headers');
    const r = runOk(`npx nx run ${APP}:smoke --amount=20 --connections=2`);
    expect(r.output).toMatch(/smoke @ws\/web: PASS/);
    const json = readWsJson(SMOKE_JSON);
    expect(json.status).toBe('pass');
    for (const route of json.routes)
      expect({ path: route.path, problems: route.headerProblems }).toEqual({ path: route.path, problems: [] });
    const again = runOk(`npx nx run ${APP}:smoke --amount=20 --connections=2`);
    expect(again.output).toMatch(/local cache|existing outputs match the cache/);
  });

  it('a route that throws fails naming the route with the server’s error; one that sleeps past the budget fails p95', () => {
    writeWsFile(
      `${APP_ROOT}/app/boom/page.tsx`,
      "export const dynamic = 'force-dynamic';\n\nexport default function Boom(): never {\n  throw new Error('boom from the smoke test');\n}\n",
    );
    writeWsFile(
      `${APP_ROOT}/app/slow/page.tsx`,
      "export const dynamic = 'force-dynamic';\n\nexport default async function Slow() {\n  await new Promise((r) => setTimeout(r, 250));\n  return <p>slow</p>;\n}\n",
    );
    commitAll('a route that throws, a slow route');
    const r = run(`npx nx run ${APP}:smoke --amount=10 --connections=2`);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('/boom: answered 500');
    expect(r.output).toMatch(/server output for \/boom:\n(.*\n)*.*boom from the smoke test/);
    expect(r.output).toMatch(/\/slow: p95 \d+(\.\d+)? ms is over the budget of 200 ms/);
    const json = readWsJson(SMOKE_JSON);
    expect(json.routes.find((x: any) => x.path === '/').load.errors).toBe(0);
    // ready reports the same routes from its record, and goes on measuring the rest (only gates fail).
    const ready = run(`npx nx run ${APP}:ready --minScore=0`);
    expect(ready.output).toMatch(/\d+ of 15 checks apply/);
    const smoke = readWsJson(`dist/ready/${APP_ROOT}/ready.json`).checks.find((c: any) => c.id === 'smoke');
    expect(smoke).toMatchObject({ status: 'fail', fix: `nx run ${APP}:smoke` });
    expect(smoke.items).toEqual(expect.arrayContaining(['/boom', '/slow']));
    const headers = readWsJson(`dist/ready/${APP_ROOT}/ready.json`).checks.find((c: any) => c.id === 'security-headers');
    expect(headers).toMatchObject({ status: 'pass' });
  });

  it('the server never outlives the target: Ctrl+C mid-load leaves no process on the port', async () => {
    const child = spawn('npx', ['nx', 'run', `${APP}:smoke`, '--skip-nx-cache', '--duration=30', '--connections=2'], {
      cwd: WS,
      env: ENV,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    child.stderr!.on('data', (c) => (out += c));
    const started = await new Promise<RegExpExecArray | null>((resolve) => {
      const timer = setInterval(() => {
        const m = /on http:\/\/127\.0\.0\.1:(\d+) in \d+ ms/.exec(out);
        if (m || child.exitCode !== null) {
          clearInterval(timer);
          resolve(m);
        }
      }, 200);
    });
    expect({ started: started !== null, output: started ? '' : out.slice(-4000) }).toEqual({ started: true, output: '' });
    const port = Number(started![1]);
    await new Promise((r) => setTimeout(r, 3000)); // under load now
    expect(await listening(port)).toBe(true);
    // What a terminal's Ctrl+C does: SIGINT to the whole foreground process group.
    process.kill(-child.pid!, 'SIGINT');
    await new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await listening(port)).toBe(false);
    const servers = run(`pgrep -f "plinto-ready-smoke-" || true`).output.trim();
    expect(
      servers
        .split('\n')
        .filter(Boolean)
        .filter((pid) => alive(Number(pid))),
    ).toEqual([]);
  }, 120_000);
});
