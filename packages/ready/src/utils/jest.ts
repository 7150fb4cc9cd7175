import { existsSync } from 'node:fs';
import { join } from 'node:path';

const JEST_CONFIG_NAMES = ['ts', 'js', 'cjs', 'mjs', 'cts', 'mts'].map((ext) => `jest.config.${ext}`);

/** The project's `jest.config.*` file name, if it has one. */
export function findJestConfig(workspaceRoot: string, projectRoot: string): string | null {
  return JEST_CONFIG_NAMES.find((name) => existsSync(join(workspaceRoot, projectRoot, name))) ?? null;
}
