import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ReadyError } from './errors';

/**
 * Reads a JSON file from disk that must be there and valid: when it is not, a ReadyError names the
 * file (workspace-relative, as the user sees it), what is wrong with it, and `fix`.
 */
export function readJsonFile<T>(
  workspaceRoot: string,
  file: string,
  fix: string,
  problem: 'is not valid JSON' | 'cannot be read as JSON' = 'is not valid JSON',
): T {
  try {
    return JSON.parse(readFileSync(isAbsolute(file) ? file : join(workspaceRoot, file), 'utf8')) as T;
  } catch (error) {
    throw new ReadyError(`${file} ${problem} (${(error as Error).message.split('\n')[0]}): ${fix}`);
  }
}

/** Reads a JSON file from disk that may be missing or broken (a cache, an earlier run's record): null then. */
export function readJsonIfValid<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}
