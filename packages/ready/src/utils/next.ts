import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const NEXT_CONFIG_PATTERN = /^next\.config\.(js|ts|mjs|cjs|mts|cts)$/;

/** The project's `next.config.*` file name, if it has one. */
export function findNextConfig(workspaceRoot: string, projectRoot: string): string | null {
  const dir = join(workspaceRoot, projectRoot);
  if (!existsSync(dir)) return null;
  return readdirSync(dir).find((name) => NEXT_CONFIG_PATTERN.test(name)) ?? null;
}

/** A Next.js app (a next.config.*) or a library that depends on next. */
export function isNextProject(workspaceRoot: string, projectRoot: string): boolean {
  if (findNextConfig(workspaceRoot, projectRoot)) return true;
  try {
    const pkg = JSON.parse(readFileSync(join(workspaceRoot, projectRoot, 'package.json'), 'utf8'));
    return Boolean(pkg.dependencies?.next ?? pkg.peerDependencies?.next ?? pkg.devDependencies?.next);
  } catch {
    return false;
  }
}
