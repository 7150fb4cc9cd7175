/** `npm run demo` run again keeps the user's work in its workspace: the guard it runs before resetting. */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DemoRefusal, keepUserWork } = require(join(REPO_ROOT, 'tools/demo/keep-work.cjs'));

describe('the demo keeps the user’s work when run again', () => {
  let ws: string;
  const git = (command: string) =>
    execSync(`git -c user.name=t -c user.email=t@t ${command}`, { cwd: ws, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const branches = () => git("branch --format='%(refname:short)'").split('\n').sort();
  const guard = () => keepUserWork(ws, { branches: ['main', 'try-ready'], demoTip: 'demo-tip', now: new Date('2026-12-06T10:20:30Z') });

  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'demo-safety-'));
    git('init -q -b main');
    writeFileSync(join(ws, 'page.tsx'), 'export default 1;\n');
    git('add -A && git -c user.name=t -c user.email=t@t commit -qm created && git tag demo-created');
    // What the demo leaves: main and try-ready at its last commit, tagged.
    git('commit -q --allow-empty -m "a change" && git tag demo-tip && git checkout -q -b try-ready');
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('an untouched workspace: nothing to keep, nothing renamed', () => {
    expect(guard()).toEqual([]);
    expect(branches()).toEqual(['main', 'try-ready']);
  });

  it('commits on try-ready (or main) are kept on a branch of their own before the reset', () => {
    writeFileSync(join(ws, 'page.tsx'), 'export default 2;\n');
    git('commit -qam "my fix"');
    const mine = git('rev-parse HEAD');
    expect(guard()).toEqual(['your commits on "try-ready" are kept on the branch "try-ready-kept-20261206-102030"']);
    expect(git('rev-parse try-ready-kept-20261206-102030')).toBe(mine);
    expect(branches()).toEqual(['main', 'try-ready-kept-20261206-102030']);
  });

  it('uncommitted changes stop the demo in one line, changing nothing', () => {
    writeFileSync(join(ws, 'page.tsx'), 'export default 3;\n');
    writeFileSync(join(ws, 'notes.md'), 'mine\n');
    let thrown: unknown;
    try {
      guard();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DemoRefusal);
    expect((thrown as Error).message).toBe(
      `${ws} has uncommitted changes (2 file(s), e.g. page.tsx): commit them, or stash them (git -C ${ws} stash -u), then run the demo again; nothing was changed.`,
    );
    expect(branches()).toEqual(['main', 'try-ready']);
    expect(git('status --porcelain')).not.toBe('');
  });
});
