import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { resultsDirFor } from '../../core/contracts/results';
import { ReadyError } from '../../utils/errors';
import { writeFilesAtomically } from '../../utils/write-files';
import { SmokeRouteResult, headerProblems, loadRoutes, probe, requiredHeaders } from './measure';
import { SmokeRoute, smokeRoutes } from './routes';
import { SMOKE_FILE, SMOKE_RECORD_FILE } from './files';
import { RunningServer, freePort, startServer } from './server';

export interface SmokeOptions {
  outputPath?: string;
  nextDir?: string;
  /** Paths to request beside the built ones: params of dynamic routes, route handlers (GET). */
  routes?: string[];
  connections?: number;
  /** Requests per route in the load phase (default 50), unless `duration` is given. */
  amount?: number;
  /** Seconds of load per route, instead of `amount`. */
  duration?: number;
  p95Ms?: number;
  maxErrorRate?: number;
  /** Header names every route must send (default: the secure set). */
  headers?: string[];
  /** Names of variables passed to the server from this environment (values never printed). */
  env?: string[];
  /** How the app starts when not from its deploy package or `next start` (PORT and HOSTNAME are set). */
  startCommand?: string;
  /**
   * The record ready reads (smoke-record): the build folder served, its findings written to
   * smoke-record.json, and the run never fails on them; a run that cannot serve is recorded too.
   */
  record?: boolean;
}

export interface SmokeReport {
  project: string;
  status: 'pass' | 'fail';
  startedWith: string;
  bootMs: number;
  /** Where the run's time went, ms: the one request per route, the load phase, and the whole run (bootMs is the server's start). */
  timings: { probeMs: number; loadMs: number; totalMs: number };
  budgets: { p95Ms: number; maxErrorRate: number; headers: string[] };
  load: { connections: number; amount: number | null; durationSeconds: number | null };
  routes: SmokeRouteResult[];
  notRequested: Array<{ route: string; reason: string }>;
  failures: string[];
  /** Why the app could not be served and measured at all (a record's; the smoke target fails instead). */
  error?: string;
}

const DEFAULTS = { connections: 10, amount: 50, p95Ms: 200, maxErrorRate: 0 };

const budgetsOf = (options: SmokeOptions): SmokeReport['budgets'] => ({
  p95Ms: options.p95Ms ?? DEFAULTS.p95Ms,
  maxErrorRate: options.maxErrorRate ?? DEFAULTS.maxErrorRate,
  headers: requiredHeaders(options.headers),
});

const loadOf = (options: SmokeOptions): SmokeReport['load'] => ({
  connections: options.connections ?? DEFAULTS.connections,
  amount: options.duration ? null : (options.amount ?? DEFAULTS.amount),
  durationSeconds: options.duration ?? null,
});

/** Only what the server needs to run, and the variables the `env` option names. */
function serverEnv(port: number, names: readonly string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
  };
  for (const name of names) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}

/**
 * What is wrong with one route, by the budgets: how it served (no answer, a 5xx, p95 or errors under
 * load over budget), and the headers it lacks. The smoke target, and the ready checks that read its
 * record, judge from this one place.
 */
export function routeProblems(r: SmokeRouteResult, budgets: SmokeReport['budgets']): { serving: string[]; headers: string[] } {
  const serving: string[] = [];
  if (r.error || r.status === null) serving.push(r.error ?? 'no answer');
  else if (r.status >= 500) serving.push(`answered ${r.status}`);
  if (r.load) {
    if (r.load.p95Ms > budgets.p95Ms) serving.push(`p95 ${r.load.p95Ms} ms is over the budget of ${budgets.p95Ms} ms`);
    const rate = r.load.requests === 0 ? 1 : r.load.errors / r.load.requests;
    if (rate > budgets.maxErrorRate)
      serving.push(`${r.load.errors} error(s) in ${r.load.requests} requests under load (maxErrorRate ${budgets.maxErrorRate})`);
  }
  return { serving, headers: r.headerProblems.length > 0 ? [r.headerProblems.join(', ')] : [] };
}

/** What the build left to run: its folder (workspace-relative), and the deploy package build-production wrote, if any. */
export interface SmokeBuild {
  nextDir: string;
  deployPackage: { path: string; entry: string } | null;
}

/**
 * How production starts the app: `startCommand` when given; else the standalone server.js of the
 * deploy package build-production wrote, unpacked in a folder outside the workspace (it must be
 * self-contained); else `next start` in the project.
 */
async function start(workspaceRoot: string, projectRoot: string, build: SmokeBuild, options: SmokeOptions, port: number) {
  const env = serverEnv(port, options.env);
  if (options.startCommand)
    return {
      how: `startCommand: ${options.startCommand}`,
      server: await startServer({ command: 'sh', args: ['-c', options.startCommand], cwd: join(workspaceRoot, projectRoot), env, port }),
      cleanup: () => undefined,
    };
  const pkg = build.deployPackage;
  if (pkg && existsSync(join(workspaceRoot, pkg.path))) {
    const dir = mkdtempSync(join(tmpdir(), 'plinto-ready-smoke-'));
    await tar.x({ file: join(workspaceRoot, pkg.path), cwd: dir });
    const cleanup = () => rmSync(dir, { recursive: true, force: true });
    try {
      const server = await startServer({ command: process.execPath, args: [join(dir, pkg.entry)], cwd: dir, env, port });
      return { how: `deploy package ${pkg.path} (node ${pkg.entry}, unpacked outside the workspace)`, server, cleanup };
    } catch (error) {
      cleanup();
      throw error;
    }
  }
  let nextBin: string;
  try {
    nextBin = require.resolve('next/dist/bin/next', { paths: [join(workspaceRoot, projectRoot), workspaceRoot] });
  } catch {
    throw new ReadyError(
      `${projectRoot}: no deploy package (build-production writes one for output: 'standalone') and next is not installed for "next start": install the app's dependencies, or give the smoke target a startCommand.`,
    );
  }
  return {
    how: 'next start',
    server: await startServer({
      command: process.execPath,
      args: [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'],
      cwd: join(workspaceRoot, projectRoot),
      env,
      port,
    }),
    cleanup: () => undefined,
  };
}

/**
 * The smoke run: the app started as production starts it, every route the build lists requested
 * once (status, bytes, time to first byte, headers), then each under load (autocannon), against the
 * budgets. The server is stopped on every path. Writes smoke.json beside the project's results.
 */
export async function runSmoke(
  workspaceRoot: string,
  project: { name: string; root: string },
  options: SmokeOptions,
  build: SmokeBuild,
  log: (line: string) => void = () => undefined,
): Promise<SmokeReport> {
  const { nextDir } = build;
  if (!options.startCommand && !existsSync(join(workspaceRoot, nextDir, 'BUILD_ID')))
    throw new ReadyError(
      `${project.name}: no production build in ${nextDir} (no BUILD_ID): build the app first ("nx run ${project.name}:${options.record ? 'build-record' : 'build-production'}", which the target depends on).`,
    );
  const plan = smokeRoutes(join(workspaceRoot, nextDir), options.routes ?? []);
  const budgets = budgetsOf(options);
  const load = loadOf(options);
  const connections = load.connections;
  const runStarted = Date.now();
  const port = await freePort();
  const began = Date.now();
  const started = await start(workspaceRoot, project.root, build, options, port);
  const bootMs = Date.now() - began;
  log(`started with ${started.how} on ${started.server.url} in ${bootMs} ms`);
  const spent = { probeMs: 0, loadMs: 0 };
  let results: SmokeRouteResult[];
  try {
    // Every route once (status, bytes, time to first byte, headers), then the routes that answered under load together.
    const probed: SmokeRouteResult[] = [];
    for (const route of plan.routes) probed.push(await probeRoute(started.server, route, budgets.headers, spent));
    const t1 = Date.now();
    const loads = await loadRoutes(
      started.server.url,
      probed.filter((r) => !failedProbe(r)).map((r) => r.path),
      { connections, amount: options.amount, durationSeconds: options.duration },
    );
    spent.loadMs += Date.now() - t1;
    results = probed.map((r) => ({ ...r, load: loads.get(r.path) ?? null }));
  } finally {
    await started.server.stop();
    started.cleanup();
  }
  const failures = results.flatMap((r) => {
    const problems = routeProblems(r, budgets);
    return [...problems.serving, ...problems.headers].map((p) => `${r.path}: ${p}`);
  });
  const report: SmokeReport = {
    project: project.name,
    status: failures.length === 0 ? 'pass' : 'fail',
    startedWith: started.how,
    bootMs,
    timings: { probeMs: Math.round(spent.probeMs), loadMs: Math.round(spent.loadMs), totalMs: Date.now() - runStarted },
    budgets,
    load,
    routes: results,
    notRequested: plan.notRequested,
    failures,
  };
  return writeReport(workspaceRoot, project, options, report);
}

/** Writes the report beside the project's results: smoke.json, or smoke-record.json for the record. */
function writeReport(workspaceRoot: string, project: { root: string }, options: SmokeOptions, report: SmokeReport): SmokeReport {
  const file = `${resultsDirFor(project.root, options.outputPath)}/${options.record ? SMOKE_RECORD_FILE : SMOKE_FILE}`;
  writeFilesAtomically(workspaceRoot, { [file]: JSON.stringify(report, null, 2) + '\n' });
  return report;
}

/** The record of a run that could not serve the app (no build, the server did not start): what ready reads then. */
export function recordUnserved(
  workspaceRoot: string,
  project: { name: string; root: string },
  options: SmokeOptions,
  error: string,
): SmokeReport {
  const report: SmokeReport = {
    project: project.name,
    status: 'fail',
    startedWith: options.startCommand ? `startCommand: ${options.startCommand}` : 'next start',
    bootMs: 0,
    timings: { probeMs: 0, loadMs: 0, totalMs: 0 },
    budgets: budgetsOf(options),
    load: loadOf(options),
    routes: [],
    notRequested: [],
    failures: [error],
    error,
  };
  return writeReport(workspaceRoot, project, options, report);
}

const failedProbe = (r: Pick<SmokeRouteResult, 'error' | 'status'>) => r.error !== null || r.status === null || r.status >= 500;

/** One request of a route: what it answered, its headers against the required ones, and the server's lines when it failed. */
async function probeRoute(
  server: RunningServer,
  route: SmokeRoute,
  headers: readonly string[],
  spent: { probeMs: number },
): Promise<SmokeRouteResult> {
  const before = server.lines.length;
  const t0 = Date.now();
  const first = await probe(server.url, route.path);
  spent.probeMs += Date.now() - t0;
  const failed = failedProbe(first);
  // What the server printed for the failure may come a moment after the answer.
  if (failed) await new Promise((r) => setTimeout(r, 300));
  return {
    ...route,
    status: first.status,
    bytes: first.bytes,
    ttfbMs: first.ttfbMs === null ? null : Math.round(first.ttfbMs * 10) / 10,
    error: first.error,
    serverOutput: failed ? server.lines.slice(before, before + 20) : [],
    load: null,
    headerProblems: first.status === null ? [] : headerProblems(first.headers, headers),
  };
}
