import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const NEXT_CONFIG_PATTERN = /^next\.config\.(js|ts|mjs|cjs|mts|cts)$/;

/** The project's `next.config.*` file name, if it has one. */
export function findNextConfig(workspaceRoot: string, projectRoot: string): string | null {
  const dir = join(workspaceRoot, projectRoot);
  if (!existsSync(dir)) return null;
  return readdirSync(dir).find((name) => NEXT_CONFIG_PATTERN.test(name)) ?? null;
}
