import { readJsonFile } from '../../utils/json';
import { CoverageMap, CoverageMapData, createCoverageMap } from 'istanbul-lib-coverage';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, posix, sep } from 'node:path';
import { ReadyError } from '../../utils/errors';
import { Baseline, COVERAGE_METRICS } from './types';

/** The istanbul coverage map jest wrote (`coverage-final.json`), or one sentence saying what is wrong. */
export function readCoverageMap(workspaceRoot: string, file: string): CoverageMap {
  const abs = join(workspaceRoot, file);
  if (!existsSync(abs)) {
    throw new ReadyError(`${file} was not written by the test run: make sure the jest config does not override coverageReporters or coverageDirectory, then run the coverage gate again.`);
  }
  try {
    // Written with workspace-relative paths (see portableCoverageFiles); the readers work on absolute ones.
    return createCoverageMap(rekey(JSON.parse(readFileSync(abs, 'utf8')), (p) => (isAbsolute(p) ? p : join(workspaceRoot, p))) as CoverageMapData);
  } catch (error) {
    throw new ReadyError(`${file} is not a valid istanbul coverage map (${(error as Error).message.split('\n')[0]}): delete it and run the coverage gate again.`);
  }
}

const COVERAGE_FILES = ['coverage-final.json', 'coverage-summary.json'];

/**
 * Rewrites the coverage files a test run wrote without anything of the machine: workspace-relative
 * paths instead of absolute ones (in the keys, each file's `path`, an input source map's fields), and
 * without istanbul's instrumentation `hash`, which is taken over the absolute path. A map that Nx
 * restores from a remote cache in another folder (another machine, another checkout) then names the
 * same files, and its bytes, which the coverage gate and ready hash, do not depend on where it ran.
 */
export function portableCoverageFiles(workspaceRoot: string, coverageDir: string): void {
  const prefix = JSON.stringify(`${workspaceRoot}${sep}`).slice(1, -1);
  for (const name of COVERAGE_FILES) {
    const abs = join(workspaceRoot, coverageDir, name);
    if (!existsSync(abs)) continue;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(abs, 'utf8').split(prefix).join(''));
    } catch {
      continue; // a broken map is the gate's to report, with its own message
    }
    if (!data || typeof data !== 'object') continue;
    for (const entry of Object.values(data as Record<string, unknown>)) {
      if (entry && typeof entry === 'object' && 'hash' in entry) delete (entry as { hash?: unknown }).hash;
    }
    writeFileSync(abs, JSON.stringify(rekey(data as Record<string, unknown>, (p) => p.split(sep).join(posix.sep))));
  }
}

/** The map with its file keys (and each entry's `path`) passed through `map`; "total" stays. */
function rekey(data: Record<string, unknown>, map: (path: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value && typeof value === 'object' && typeof (value as { path?: unknown }).path === 'string') {
      (value as { path: string }).path = map((value as { path: string }).path);
    }
    out[key === 'total' ? key : map(key)] = value;
  }
  return out;
}

export function readBaseline(workspaceRoot: string, file: string): Baseline | null {
  const abs = join(workspaceRoot, file);
  if (!existsSync(abs)) return null;
  const data = readJsonFile<Record<string, unknown>>(workspaceRoot, file, 'fix it, or write it anew with --update-baseline.');
  const baseline = {} as Baseline;
  for (const metric of COVERAGE_METRICS) {
    const value = data[metric];
    if (typeof value !== 'number') {
      throw new ReadyError(`${file} has no number for "${metric}": write it anew with --update-baseline.`);
    }
    baseline[metric] = value;
  }
  return baseline;
}
