import { CoverageMap, createCoverageMap } from 'istanbul-lib-coverage';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReadyError } from '../../utils/errors';
import { Baseline, COVERAGE_METRICS } from './types';

/** The istanbul coverage map jest wrote (`coverage-final.json`), or one sentence saying what is wrong. */
export function readCoverageMap(workspaceRoot: string, file: string): CoverageMap {
  const abs = join(workspaceRoot, file);
  if (!existsSync(abs)) {
    throw new ReadyError(`${file} was not written by the test run: make sure the jest config does not override coverageReporters or coverageDirectory, then run the coverage gate again.`);
  }
  try {
    return createCoverageMap(JSON.parse(readFileSync(abs, 'utf8')));
  } catch (error) {
    throw new ReadyError(`${file} is not a valid istanbul coverage map (${(error as Error).message.split('\n')[0]}): delete it and run the coverage gate again.`);
  }
}

export function readBaseline(workspaceRoot: string, file: string): Baseline | null {
  const abs = join(workspaceRoot, file);
  if (!existsSync(abs)) return null;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(readFileSync(abs, 'utf8'));
  } catch {
    throw new ReadyError(`${file} is not valid JSON: fix it, or write it anew with --update-baseline.`);
  }
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
