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

/**
 * Whether the files under `path` changed after `iso`: a commit touching them since, or an edit not
 * committed yet (files git ignores, such as build output, do not count). False without git.
 */
export function changedSince(workspaceRoot: string, path: string, iso: string): boolean {
  const git = (args: string[]) => spawnSync('git', args, { cwd: workspaceRoot, encoding: 'utf8' });
  const last = git(['log', '-1', '--format=%cI', '--', path]);
  if (last.status !== 0) return false;
  const committed = last.stdout.trim();
  if (committed && Date.parse(committed) > Date.parse(iso)) return true;
  const edits = git(['status', '--porcelain', '--', path]);
  return edits.status === 0 && edits.stdout.trim() !== '';
}
