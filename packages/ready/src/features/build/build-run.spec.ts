import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TempWorkspace } from '../../testing/temp-workspace';
import { errorExcerpt, runBuild } from './build-run';

describe('the recorded build', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.cleanup());

  it("keeps the error's first lines, without colours, Nx's frame or the machine's path", () => {
    const root = '/home/ci/work/repo';
    const output = [
      '\u001b[1m> nx run web:build\u001b[22m',
      '',
      '   ▲ Next.js 15.5.28',
      '   Creating an optimized production build ...',
      '\u001b[31mFailed to compile.\u001b[39m',
      '',
      `${root}/apps/web/app/page.tsx`,
      "Type error: Cannot find module '@ws/sdk' or its corresponding type declarations.",
      '',
      ' NX   Ran target build for project web (12s)',
      '  Run duration:      12.6s',
      '      ✖  1/1 failed',
    ].join('\n');
    expect(errorExcerpt(output, root)).toEqual([
      'Failed to compile.',
      'apps/web/app/page.tsx',
      "Type error: Cannot find module '@ws/sdk' or its corresponding type declarations.",
      '      ✖  1/1 failed',
    ]);
    // Nothing announces an error: the last lines are the best there is.
    expect(errorExcerpt('a\nb\nexit 2', root)).toEqual(['a', 'b', 'exit 2']);
    // Only the package manager's last line announces it: the lines before it say why.
    const late = [
      '> @pm/web@0.0.0 build /home/ci/work/repo/apps/web',
      '> next build',
      '   ▲ Next.js 15.5.7',
      ' ✓ Compiled successfully in 25.0s',
      "It looks like you're trying to use TypeScript but do not have the required package(s) installed.",
      'Please install @types/node by running:',
      '\tpnpm install --save-dev @types/node',
      'Next.js build worker exited with code: 1 and signal: null',
      ' ELIFECYCLE  Command failed with exit code 1.',
    ].join('\n');
    const excerpt = errorExcerpt(late, root);
    expect(excerpt).toContain('Please install @types/node by running:');
    expect(excerpt[excerpt.length - 1]).toBe(' ELIFECYCLE  Command failed with exit code 1.');
    expect(excerpt.join('\n')).not.toContain('/home/ci');
  });

  /** A workspace with the repository's own Nx, found from the workspace as a user's install would be. */
  function workspace(targets: Record<string, { command: string }>): void {
    ws.write('nx.json', {});
    ws.write('package.json', { name: 'ws', private: true });
    ws.write('apps/web/project.json', { name: 'web', targets });
    mkdirSync(join(ws.root, 'node_modules'), { recursive: true });
    if (!existsSync(join(ws.root, 'node_modules/nx')))
      symlinkSync(dirname(require.resolve('nx/package.json')), join(ws.root, 'node_modules/nx'));
  }
  const printed = (name: string) => `node -e "console.log('${name}=' + process.env.${name})"`;
  /** What the nested run printed as `<name>=<value>`. */
  async function seenInNestedRun(target: string, name: string) {
    const out: string[] = [];
    await runBuild(ws.root, 'web', target, (c) => out.push(c));
    return new RegExp(`${name}=([\\w-]+)`).exec(out.join(''))?.[1];
  }
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    env = { ...process.env };
    process.env.NX_DAEMON = 'false';
    process.env.NX_NO_CLOUD = 'true';
    process.env.NX_WORKSPACE_DATA_DIRECTORY = join(ws.root, '.nx/workspace-data');
    delete process.env.NX_ISOLATE_PLUGINS;
    delete process.env.NX_CACHE_PROJECT_GRAPH;
  });
  afterEach(() => (process.env = env));

  it('runs the build through the workspace Nx and records a failure without failing itself', async () => {
    workspace({
      build: { command: `node -e "console.error('Error: Cannot find module \\'@ws/sdk\\''); process.exit(3)"` },
      ok: { command: 'node -e "console.log(1)"' },
      isolation: { command: printed('NX_ISOLATE_PLUGINS') },
    });
    const seen: string[] = [];
    const failed = await runBuild(ws.root, 'web', 'build', (c) => seen.push(c));
    expect(failed).toMatchObject({ success: false, exitCode: 1, target: 'build' });
    expect(failed.error.join('\n')).toContain("Error: Cannot find module '@ws/sdk'");
    expect(seen.join('')).toContain('@ws/sdk');
    expect(await runBuild(ws.root, 'web', 'ok', () => undefined)).toMatchObject({ success: true, exitCode: 0, error: [] });
    // The nested Nx loads the plugins in its own process, unless the user said how to load them.
    expect(await seenInNestedRun('isolation', 'NX_ISOLATE_PLUGINS')).toBe('false');
    process.env.NX_ISOLATE_PLUGINS = 'true';
    expect(await seenInNestedRun('isolation', 'NX_ISOLATE_PLUGINS')).toBe('true');
  }, 60_000);

  it('runs the build on the project graph the run it is in cached, unless the graph cache is off', async () => {
    workspace({ probe: { command: `node -e "console.log('graph=first')"` } });
    // No graph cached yet: the nested run computes one (and caches it, as the outer run does).
    expect(await seenInNestedRun('probe', 'graph')).toBe('first');
    // The configuration changes after the graph was computed: the nested run keeps the cached graph,
    // as Nx's own task processes do, instead of computing it again.
    workspace({ probe: { command: `node -e "console.log('graph=second')"` } });
    expect(await seenInNestedRun('probe', 'graph')).toBe('first');
    // With the graph cache off, the outer run wrote no graph: the nested run computes its own.
    process.env.NX_CACHE_PROJECT_GRAPH = 'false';
    expect(await seenInNestedRun('probe', 'graph')).toBe('second');
  }, 60_000);
});
