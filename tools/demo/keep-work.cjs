// `npm run demo` run again resets its workspace (tmp/demo/ws) to the commit it created. What a user
// did there in between is theirs: uncommitted changes stop the demo before it touches anything, and
// a branch holding commits the demo did not make is kept under a new name before the reset.
const { spawnSync } = require('node:child_process');

/** A refusal meant for the user: one line, no stack trace. */
class DemoRefusal extends Error {}

const git = (ws, args) => spawnSync('git', args, { cwd: ws, encoding: 'utf8' });
const rev = (ws, ref) => {
  const r = git(ws, ['rev-parse', '-q', '--verify', `${ref}^{commit}`]);
  return r.status === 0 ? r.stdout.trim() : null;
};

/**
 * Checks the workspace before the demo resets it. Throws a DemoRefusal when there are uncommitted
 * changes (untracked files included; ignored ones, the build's, are not the user's); renames each of
 * `branches` whose tip is not `demoTip` (the commit the demo last left them at) to
 * `<branch>-kept-<time>`. Returns what it did, line by line.
 */
function keepUserWork(ws, { branches, demoTip, now = new Date() }) {
  const dirty = git(ws, ['status', '--porcelain', '--untracked-files=all']).stdout.split('\n').filter(Boolean);
  if (dirty.length > 0)
    throw new DemoRefusal(
      `${ws} has uncommitted changes (${dirty.length} file(s), e.g. ${dirty[0].slice(3)}): commit them, or stash them (git -C ${ws} stash -u), then run the demo again; nothing was changed.`,
    );
  const tip = rev(ws, `refs/tags/${demoTip}`);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const lines = [];
  for (const branch of branches) {
    const at = rev(ws, `refs/heads/${branch}`);
    if (at === null || at === tip) continue;
    const kept = `${branch}-kept-${stamp}`;
    const r = git(ws, ['branch', '-m', branch, kept]);
    if (r.status !== 0) throw new DemoRefusal(`could not keep your branch "${branch}" (${r.stderr.trim()}); nothing was changed.`);
    lines.push(`your commits on "${branch}" are kept on the branch "${kept}"`);
  }
  return lines;
}

module.exports = { DemoRefusal, keepUserWork };
