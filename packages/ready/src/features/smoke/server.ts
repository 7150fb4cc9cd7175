import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';

/** A free TCP port on loopback, as the OS hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Every line the server wrote so far (stdout and stderr), in order. */
  lines: string[];
  /** Stops the server and every process it started; resolves once they are gone. */
  stop(): Promise<void>;
}

/** Processes started by smoke runs of this process: stopped on exit and on Ctrl+C whatever happens. */
const running = new Set<ChildProcess>();
let handlersInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // The server runs in a process group of its own: the group takes its children with it (next start's worker).
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const child of running) killGroup(child, 'SIGKILL');
      // What the signal would have done without this handler: end the process.
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

/**
 * Starts the app's server (`command` with `args`, in `cwd`) on loopback at `port`, in a process
 * group of its own, and waits until it answers an HTTP request (any status). Fails with the
 * server's last lines when it exits first or does not answer within `timeoutMs`.
 */
export async function startServer(options: {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  timeoutMs?: number;
}): Promise<RunningServer> {
  installHandlers();
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  const collect = (chunk: Buffer) =>
    lines.push(
      ...chunk
        .toString('utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim() !== ''),
    );
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    // Children of the server in its group (a worker) go with a last SIGKILL to the group.
    killGroup(child, 'SIGKILL');
    running.delete(child);
  };
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let spawnError: Error | null = null;
  child.once('error', (e) => (spawnError = e));
  while (Date.now() < deadline) {
    if (spawnError) break;
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await answers(url)) return { url, pid: child.pid!, lines, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  const why = spawnError
    ? `could not start "${options.command}": ${(spawnError as Error).message}`
    : child.exitCode !== null
      ? `the server exited with ${child.exitCode} before answering`
      : `the server did not answer on ${url} within ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s`;
  throw new Error(`${why}; its last lines:\n${lines.slice(-20).join('\n') || '(no output)'}`);
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'HEAD', timeout: 2000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}
