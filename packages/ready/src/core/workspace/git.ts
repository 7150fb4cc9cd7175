import { spawnSync } from 'node:child_process';

/**
 * The .gitignore rule that makes git ignore a workspace-relative path (`.gitignore:12:.env*`), or
 * null when git tracks it (a committed file stays committed whatever a rule says), would track it,
 * or the workspace is not a git checkout.
 */
export function gitIgnoreRule(workspaceRoot: string, path: string): string | null {
  const r = spawnSync('git', ['check-ignore', '-v', '--', path], { cwd: workspaceRoot, encoding: 'utf8' });
  if (r.status !== 0) return null;
  const [rule] = (r.stdout ?? '').split('\t');
  return rule?.trim() || null;
}
