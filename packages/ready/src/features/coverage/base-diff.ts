import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/** The git arguments of the diff changed-lines coverage reads: lines added since `base`, to the working tree, under `projectRoot`. */
export const baseDiffArgs = (base: string, projectRoot: string) => [
  'diff',
  '--relative',
  '--unified=0',
  '--no-color',
  '--no-ext-diff',
  base,
  '--',
  projectRoot,
];

/**
 * What changed-lines coverage depends on besides the files, as one line for Nx's hash: the digest
 * of that diff. Two bases with the same diff give the same line (a pull request's run and the
 * default branch's run after the merge share results only when they measure the same change).
 */
export function baseDiffDigest(workspaceRoot: string, base: string | undefined, projectRoot: string): string {
  if (!base) return 'no-base';
  try {
    const diff = execFileSync('git', baseDiffArgs(base, projectRoot), {
      cwd: workspaceRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 512 * 1024 * 1024,
    });
    return `diff ${createHash('sha256').update(diff).digest('hex')}`;
  } catch {
    // Not a commit here: the target reports it in one line; the hash only needs to differ from a real diff's.
    return `unknown-base ${base}`;
  }
}
