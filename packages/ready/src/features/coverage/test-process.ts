import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logger } from '@nx/devkit';

export interface TestProcess {
  status: number | null;
  signal: NodeJS.Signals | null;
  /** What the runner printed (stdout, then stderr). */
  output: string;
  /** Where the runner was told to write its JSON results (gone once `read` returns). */
  resultsFile: string;
}

/**
 * Runs a test runner's Node script once, with coverage into `coverageDir` emptied first (a stale
 * coverage file must never pass for a fresh one) and its JSON results into a scratch file removed
 * afterwards. The runner's own report goes through the Nx logger, so it lands in the task's (cached)
 * terminal output. `args` gets the absolute coverage folder and the results file; `read` judges the run.
 */
export function runTestProcess<T>(
  options: { workspaceRoot: string; coverageDir: string; cwd: string; env: NodeJS.ProcessEnv; runner: string },
  args: (absCoverage: string, resultsFile: string) => string[],
  read: (run: TestProcess) => T,
): T {
  const absCoverage = join(options.workspaceRoot, options.coverageDir);
  rmSync(absCoverage, { recursive: true, force: true });
  const scratch = mkdtempSync(join(tmpdir(), `plinto-ready-${options.runner}-`));
  const resultsFile = join(scratch, 'results.json');
  try {
    const r = spawnSync(process.execPath, args(absCoverage, resultsFile), {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trimEnd();
    if (output) logger.info(output);
    return read({ status: r.status, signal: r.signal, output, resultsFile });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
