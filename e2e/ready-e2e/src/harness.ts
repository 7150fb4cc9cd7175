/**
 * The end-to-end harness: one real Nx workspace per run (created by global-setup), shared by every
 * spec and reset with git between them. Commands run as a user would type them.
 */
import { ChildProcess, execSync, spawn, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const E2E_DIR = join(REPO_ROOT, 'tmp', 'e2e');
export const WS = join(E2E_DIR, 'ws');
export const APP = '@ws/web';
/** The app as fixes name it, the way a person types it: the generators find @ws/web by "web". */
export const APP_ARG = 'web';
export const APP_ROOT = 'apps/web';
export const LIB = '@ws/ui';
export const LIB_ROOT = 'libs/ui';
/** Git tags in the workspace: as created, with the plugin installed, and installed + initialised. */
export const TAG_CREATED = 'e2e-created';
export const TAG_INSTALLED = 'e2e-installed';
export const TAG_BASE = 'e2e-base';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SAMPLE_ENV } = require('../../../tools/sample-workspace.cjs');

/** No daemon, no cloud, no prompts, no colours: the sample workspace's environment. */
export const ENV: NodeJS.ProcessEnv = { ...SAMPLE_ENV, NX_VERBOSE_LOGGING: 'false' };

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertions on what the user sees. */
  output: string;
}

/** Runs a shell command in the workspace (or `cwd`) and returns its exit code and output; never throws. */
export function run(command: string, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const r = spawnSync('bash', ['-c', command], {
    cwd: options.cwd ?? WS,
    env: { ...ENV, ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const stdout = r.stdout ?? '';
  const stderr = r.stderr ?? '';
  return { code: r.status ?? 1, stdout, stderr, output: stdout + stderr };
}

/** Like `run`, but a non-zero exit fails with the command's output. */
export function runOk(command: string, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const r = run(command, options);
  if (r.code !== 0) throw new Error(`"${command}" exited ${r.code}:\n${r.output.slice(-6000)}`);
  return r;
}

export function sh(command: string, cwd = WS): string {
  return execSync(command, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function readWsFile(path: string): string {
  return readFileSync(join(WS, path), 'utf8');
}

export function readWsJson<T = any>(path: string): T {
  return JSON.parse(readWsFile(path));
}

export function writeWsFile(path: string, content: string): void {
  mkdirSync(dirname(join(WS, path)), { recursive: true });
  writeFileSync(join(WS, path), content);
}

export function wsFileExists(path: string): boolean {
  return existsSync(join(WS, path));
}

/**
 * Back to the shared starting point: sources and results as after global setup. Nx's cache is
 * kept (specs that need a real run pass --skip-nx-cache): `nx reset --only-cache` empties the
 * cache folder but Nx 23 still reports a hit for what it remembers, restoring nothing.
 */
export function resetWorkspace(tag = TAG_BASE): void {
  sh(`git reset -q --hard ${tag} && git clean -q -fd -e node_modules`);
  rmSync(join(WS, 'dist'), { recursive: true, force: true });
}

/** Files changed in the working tree since the last `git add -A` (or commit), untracked ones included. */
export function changesSinceStaged(): string {
  return sh('git diff --name-only && git ls-files --others --exclude-standard').trim();
}

export function commitAll(message: string): void {
  sh(`git add -A && git commit -q --allow-empty -m ${JSON.stringify(message)}`);
}

/** What Next.js recommends in a monorepo, committed: the app's standalone output, traced from the workspace root. */
export function useStandaloneOutput(): void {
  writeWsFile(
    `${APP_ROOT}/next.config.js`,
    readWsFile(`${APP_ROOT}/next.config.js`).replace(
      'const nextConfig = {',
      "const nextConfig = {\n  output: 'standalone',\n  outputFileTracingRoot: require('node:path').join(__dirname, '../../'),",
    ),
  );
  commitAll('standalone output');
}

/** Project details as Nx resolves them (inferred targets included). */
export function showProject(name: string): { root: string; targets: Record<string, any> } {
  return JSON.parse(runOk(`npx nx show project ${name} --json`).stdout);
}

/** The PNG the codemod fixtures use (40×20), for public/ folders of the sample app. */
export const HERO_PNG = join(REPO_ROOT, 'packages/ready/src/codemods/next-image/__fixtures__/public/hero.png');

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function httpGet(url: string): Promise<HttpResponse> {
  return new Promise((resolvePromise, reject) => {
    const req = get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

/** Starts a server process and waits until `url` answers; the caller stops it with `stopServer`. */
export async function startServer(command: string, cwd: string, url: string, timeoutMs = 60_000): Promise<ChildProcess> {
  const child = spawn('bash', ['-c', `exec ${command}`], { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`"${command}" exited ${child.exitCode}:\n${output}`);
    try {
      await httpGet(url);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  stopServer(child);
  throw new Error(`"${command}" did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
}

export function stopServer(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/**
 * `it` for a test that needs what `.ci/run` installs as root: PostgreSQL and an S3-compatible server
 * (`source .ci/services.sh`), Debian's Chromium. Without it the test fails, saying how to get it;
 * with PLINTO_E2E_SKIP_SERVICES=1 it is skipped, and the run prints one line for it (never silently).
 */
export function itNeeds(what: string, present: boolean): (name: string, fn: () => unknown, timeout?: number) => void {
  return (name, fn, timeout) => {
    if (present) return it(name, fn as jest.ProvidesCallback, timeout);
    const how = `needs ${what}: run \`source .ci/services.sh\` as root first (.ci/run does), or set PLINTO_E2E_SKIP_SERVICES=1 to skip it`;
    if (process.env.PLINTO_E2E_SKIP_SERVICES === '1') {
      process.stderr.write(`skipped (PLINTO_E2E_SKIP_SERVICES=1): "${name}" ${how.replace(/, or set .*$/, '')}\n`);
      return it.skip(name, () => undefined);
    }
    return it(name, () => {
      throw new Error(`"${name}" ${how}.`);
    });
  };
}
