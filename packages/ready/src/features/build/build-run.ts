import { readJsonIfValid } from '../../utils/json';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { BUILD_RUN_FILE } from './files';

/** The outcome of the project's build as the build-record target saw it. */
export interface BuildRun {
  schemaVersion: 1;
  target: string;
  success: boolean;
  exitCode: number | null;
  /** The first lines of the error (workspace paths made relative), when the build failed. */
  error: string[];
}

const EXCERPT_LINES = 15;
/** An announcement in the output's last lines is a tool's verdict, not the start of the error. */
const LATE_LINES = 2;
/** Lines where a build tool starts telling what went wrong. */
const ERROR_START = /(^|\s)(error|failed|cannot find|module not found|type error|syntaxerror|✖|⨯)\b/i;
/** Nx's own lines around a task, which say nothing about the error. */
const NX_NOISE =
  /^\s*(>\s*nx run|—+|NX\s|Ran target|Failed tasks:|- \S+:\S+$|View logs|Nx read the output|Hint:|Run duration:|Critical path:|Recoverable time:)/;

/**
 * The lines a reader needs from a failed build's output: from the first line that announces an
 * error, the next few, without colour codes, Nx's frame, or the machine's workspace path (so a
 * replayed record is the same on every machine). The last lines when nothing announces an error,
 * or when the first announcement comes too late to leave room for the lines before it.
 */
export function errorExcerpt(output: string, workspaceRoot: string): string[] {
  const lines = stripVTControlCharacters(output)
    .split(/\r?\n/)
    .map((l) =>
      l
        .split(workspaceRoot + '/')
        .join('')
        .split(workspaceRoot)
        .join('.')
        .trimEnd(),
    )
    .filter((l) => l.trim() !== '' && !NX_NOISE.test(l));
  const first = lines.findIndex((l) => ERROR_START.test(l));
  // An announcement near the end (a package manager's "Command failed") comes after the lines that
  // say why: the window then ends with the output instead of starting at it.
  const late = first >= 0 && lines.length - first <= LATE_LINES;
  if (first < 0 || late) return lines.slice(-EXCERPT_LINES);
  return lines.slice(first, first + EXCERPT_LINES);
}

/**
 * Environment of the Nx run this target runs in, which a nested `nx run` must not inherit. Among it
 * NX_INVOCATION_ROOT_PID: Nx 23 registers every task a run (and the runs nested in it) schedules
 * under the root process, and fails a nested run of a task the root also scheduled as a "recursive
 * loop", which `nx affected -t ready,build-production` did (the outer run schedules the build too).
 */
const PARENT_TASK_ENV = /^NX_(TASK_|TERMINAL_|STREAM_OUTPUT|PREFIX_OUTPUT|FORKED_TASK_EXECUTOR|CLI_SET|INVOCATION_ROOT_PID)/;

/**
 * How the nested run loads the workspace's plugins, unless the user chose (NX_ISOLATE_PLUGINS):
 * in its own process. Without the daemon (CI), Nx 23 computed the project graph three times before
 * an `nx run` started its task, starting a worker process per plugin each time: ~7 s on two cores
 * in the end-to-end workspace; with the plugins loaded once in-process, ~1.3 s. Loading plugins
 * in-process is Nx's own mode without isolation; a workspace whose plugins need isolation sets
 * NX_ISOLATE_PLUGINS=true, which the nested run then keeps.
 */
const NESTED_RUN_ISOLATION = 'false';

/**
 * The nested run takes the project graph the run it is in has computed and cached in the workspace
 * data (NX_FORCE_REUSE_CACHED_GRAPH, Nx ≥ 20.2; it computes one as usual when none is cached): the
 * same graph Nx's own task processes read (its executor runner reads the cached graph), and ~0.9 s
 * less than computing it again in the 96-route bench app. Not when the user turned the graph cache
 * off (NX_CACHE_PROJECT_GRAPH=false): the outer run then wrote none, and a cached one would be an
 * older run's.
 */
function nestedGraphEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return env.NX_CACHE_PROJECT_GRAPH === 'false' ? {} : { NX_FORCE_REUSE_CACHED_GRAPH: 'true' };
}

/**
 * Runs `nx run <project>:<target>` with the workspace's own Nx (so the build keeps its cache,
 * its dependsOn and its executor), streams its output, and says whether it passed.
 */
export function runBuild(workspaceRoot: string, project: string, target: string, write: (chunk: string) => void): Promise<BuildRun> {
  const nx = require.resolve('nx/bin/nx', { paths: [workspaceRoot] });
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !PARENT_TASK_ENV.test(k)));
  return new Promise((resolve) => {
    // --skip-sync: the outer Nx command has judged the workspace's sync generators already (it warns
    // or applies them); a nested run judging again fails the build in a non-interactive process.
    const child = spawn(process.execPath, [nx, 'run', `${project}:${target}`, '--outputStyle=stream-without-prefixes', '--skip-sync'], {
      cwd: workspaceRoot,
      env: { NX_ISOLATE_PLUGINS: NESTED_RUN_ISOLATION, ...nestedGraphEnv(env), ...env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      write(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const done = (exitCode: number | null, extra = '') => {
      const success = exitCode === 0;
      resolve({ schemaVersion: 1, target, success, exitCode, error: success ? [] : errorExcerpt(output + extra, workspaceRoot) });
    };
    child.on('error', (e) => done(null, `\nerror: ${e.message}`));
    child.on('close', (code) => done(code));
  });
}

/** The record build-record left in the project's results folder, or null without one. */
export function readBuildRun(workspaceRoot: string, resultsDir: string): BuildRun | null {
  const file = join(workspaceRoot, resultsDir, BUILD_RUN_FILE);
  const run = readJsonIfValid<BuildRun>(file);
  return typeof run?.success === 'boolean' ? run : null;
}
