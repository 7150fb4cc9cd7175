import { execFileSync } from 'node:child_process';
import { TempWorkspace } from '../../testing/temp-workspace';
import { gitIgnoreRule } from './git';

describe('gitIgnoreRule asks git what it tracks', () => {
  it('names the rule for an untracked file it ignores, and nothing for a committed file the same rule matches', () => {
    const ws = new TempWorkspace().write('.gitignore', '.env*\n').write('apps/web/.env.production', 'API_URL=https://api.acme.io\n');
    try {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: ws.root, stdio: 'ignore' });
      git('init', '-q');
      expect(gitIgnoreRule(ws.root, 'apps/web/.env.production')).toBe('.gitignore:1:.env*');
      git('add', '-f', 'apps/web/.env.production');
      expect(gitIgnoreRule(ws.root, 'apps/web/.env.production')).toBeNull();
    } finally {
      ws.cleanup();
    }
  });
});
