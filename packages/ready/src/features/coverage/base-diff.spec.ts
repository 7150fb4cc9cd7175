import { execFileSync } from 'node:child_process';
import { TempWorkspace } from '../../testing/temp-workspace';
import { baseDiffDigest } from './base-diff';

describe('baseDiffDigest: what changed-lines coverage depends on, for the hash', () => {
  let ws: TempWorkspace;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: ws.root, encoding: 'utf8' }).trim();
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-qm', message);
    return git('rev-parse', 'HEAD');
  };
  beforeEach(() => {
    ws = new TempWorkspace();
    git('init', '-q');
  });
  afterEach(() => ws.cleanup());

  it('is the same for the same change measured from two bases, and differs for another change', () => {
    ws.write('apps/web/a.ts', 'export const a = 1;\n').write('README.md', 'one\n');
    const base1 = commit('base');
    ws.write('README.md', 'two\n'); // a commit outside the project: another base, the same project files
    const base2 = commit('unrelated');
    ws.write('apps/web/a.ts', 'export const a = 1;\nexport const b = 2;\n');
    commit('the change');
    expect(base1).not.toBe(base2);
    const fromBase1 = baseDiffDigest(ws.root, base1, 'apps/web');
    expect(fromBase1).toMatch(/^diff [0-9a-f]{64}$/);
    expect(baseDiffDigest(ws.root, base2, 'apps/web')).toBe(fromBase1);
    // The working tree counts, as changed-lines coverage reads it.
    ws.write('apps/web/a.ts', 'export const a = 1;\nexport const b = 3;\n');
    expect(baseDiffDigest(ws.root, base1, 'apps/web')).not.toBe(fromBase1);
  });

  it('says when there is no base, or the base is not a commit here', () => {
    ws.write('apps/web/a.ts', 'export const a = 1;\n');
    commit('base');
    expect(baseDiffDigest(ws.root, undefined, 'apps/web')).toBe('no-base');
    expect(baseDiffDigest(ws.root, 'origin/nope', 'apps/web')).toBe('unknown-base origin/nope');
  });
});
