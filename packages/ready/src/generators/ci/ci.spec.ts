import { Tree, updateJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { parse } from 'yaml';
import { ciRunsReady } from '../../features/ci/ci-detect';
import { actionlintProblems, gitlabProblems } from '../../testing/ci-linters';
import { ciGenerator } from './ci';

const LOCKS: Record<string, Record<string, string>> = {
  npm: { 'package-lock.json': '{}' },
  pnpm: { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" },
  'yarn-classic': { 'yarn.lock': '# yarn lockfile v1\n' },
  'yarn-berry': { 'yarn.lock': '__metadata:\n  version: 8\n', '.yarnrc.yml': 'nodeLinker: node-modules\n' },
  bun: { 'bun.lock': '{}' },
};

describe('ci generator', () => {
  let tree: Tree;
  beforeEach(() => (tree = createTreeWithEmptyWorkspace()));
  const write = (files: Record<string, string>) => Object.entries(files).forEach(([f, t]) => tree.write(f, t));
  const workflow = () => tree.read('.github/workflows/ready.yml', 'utf-8')!;
  type Step = { uses?: string; run?: string; with: Record<string, string | number | undefined>; env?: Record<string, string> };
  const steps = (text = workflow()) => parse(text).jobs.ready.steps as Step[];

  it.each(Object.keys(LOCKS))('writes a GitHub workflow actionlint passes, for %s', async (pm) => {
    write(LOCKS[pm]);
    await ciGenerator(tree, {});
    const text = workflow();
    expect(await actionlintProblems(text, '.github/workflows/ready.yml')).toEqual([]);
    const s = steps(text);
    const run = s.map((x) => x.run).filter(Boolean);
    // Full history, the base of the change, Node with the package manager's cache, a frozen install.
    expect(s[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(s.map((x) => x.uses)).toContain('nrwl/nx-set-shas@v4');
    const setupNode = s.find((x) => x.uses === 'actions/setup-node@v4')!;
    expect(setupNode.with['node-version']).toBe(Number(process.versions.node.split('.')[0]));
    const expected = {
      npm: { cache: 'npm', install: 'npm ci', exec: 'npx nx' },
      pnpm: { cache: 'pnpm', install: 'pnpm install --frozen-lockfile', exec: 'pnpm exec nx' },
      'yarn-classic': { cache: 'yarn', install: 'yarn install --frozen-lockfile', exec: 'yarn nx' },
      'yarn-berry': { cache: 'yarn', install: 'yarn install --immutable', exec: 'yarn nx' },
      bun: { cache: undefined, install: 'bun install --frozen-lockfile', exec: 'bunx nx' },
    }[pm]!;
    expect(setupNode.with.cache).toBe(expected.cache);
    expect(run).toContain(expected.install);
    const ready = s.find((x) => typeof x.run === 'string' && x.run.includes('affected'))!;
    expect(ready.run).toBe(`${expected.exec} affected -t ready --parallel=2 --output-style=static`);
    expect(ready.env).toEqual({ NX_BASE: '${{ env.NX_BASE }}', NX_HEAD: '${{ env.NX_HEAD }}' });
    if (pm === 'pnpm') expect(s.map((x) => x.uses)).toContain('pnpm/action-setup@v4');
    if (pm === 'bun') expect(s.map((x) => x.uses)).toContain('oven-sh/setup-bun@v2');
    if (pm === 'yarn-berry') expect(run.indexOf('corepack enable')).toBeLessThan(run.indexOf(expected.install));
    // The comment, the artifact; the remote cache only as comments, with no value of a secret.
    expect(s.find((x) => x.uses === 'actions/github-script@v7')!.with.script).toContain("require('@plinto/ready/src/ci')");
    expect(s.find((x) => x.uses === 'actions/upload-artifact@v4')!.with.path).toBe('dist/ready/');
    expect(text).toMatch(
      /^ {10}# NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: \$\{\{ secrets\.NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN \}\}$/m,
    );
    expect(parse(text).jobs.ready.env).toBeUndefined();
    // The scripts check recognises what it wrote.
    expect(ciRunsReady(tree).runningReady).toEqual(['.github/workflows/ready.yml']);
  });

  it('takes Node from .nvmrc, the branch from nx.json defaultBase, the target name and --parallel from the options', async () => {
    write({ ...LOCKS.npm, '.nvmrc': '22\n' });
    updateJson(tree, 'nx.json', (nx) => ({
      ...nx,
      defaultBase: 'trunk',
      plugins: [{ plugin: '@plinto/ready', options: { readyTargetName: 'readiness' } }],
    }));
    await ciGenerator(tree, { parallel: 4 });
    const text = workflow();
    expect(await actionlintProblems(text, 'ready.yml')).toEqual([]);
    expect(parse(text).on.push.branches).toEqual(['trunk']);
    expect(steps(text).find((x) => x.uses === 'actions/setup-node@v4')!.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect(text).toContain('npx nx affected -t readiness --parallel=4');
    expect(ciRunsReady(tree, 'readiness').runsReady).toBe(true);
  });

  it('is idempotent, adds its job back to its own file, and never touches a workflow it did not write', async () => {
    write({
      ...LOCKS.npm,
      '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
    });
    await ciGenerator(tree, {});
    const first = workflow();
    expect(tree.read('.github/workflows/ci.yml', 'utf-8')).toContain('npm test');
    // A second run changes nothing.
    await ciGenerator(tree, {});
    expect(workflow()).toBe(first);
    // A team that renamed the job keeps its job; the generator adds its own to the file it wrote.
    tree.write('.github/workflows/ready.yml', first.replace('\n  ready:\n', '\n  readiness-check:\n'));
    await ciGenerator(tree, {});
    const added = parse(workflow());
    expect(Object.keys(added.jobs)).toEqual(['readiness-check', 'ready']);
    expect(await actionlintProblems(workflow(), 'ready.yml')).toEqual([]);
    // A ready.yml of the team's own is left alone: the workflow goes beside it.
    const mine = 'on: push\njobs:\n  mine:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo mine\n';
    const other = createTreeWithEmptyWorkspace();
    Object.entries({ ...LOCKS.npm, '.github/workflows/ready.yml': mine }).forEach(([f, t]) => other.write(f, t));
    await ciGenerator(other, {});
    expect(other.read('.github/workflows/ready.yml', 'utf-8')).toBe(mine);
    expect(other.read('.github/workflows/plinto-ready.yml', 'utf-8')).toContain('affected -t ready');
  });

  it('writes GitLab CI that passes GitLab’s schema, and includes it beside a .gitlab-ci.yml of the team’s', async () => {
    write(LOCKS.pnpm);
    await ciGenerator(tree, { provider: 'gitlab' });
    const text = tree.read('.gitlab-ci.yml', 'utf-8')!;
    expect(gitlabProblems({ '.gitlab-ci.yml': text })).toBe('');
    const job = parse(text).ready;
    expect(job.variables.GIT_DEPTH).toBe(0);
    expect(job.cache.key.files).toEqual(['pnpm-lock.yaml']);
    expect(job.before_script).toContain('pnpm install --frozen-lockfile');
    expect(job.script.at(-1)).toBe('pnpm exec nx affected -t ready --base=$NX_BASE --head=$NX_HEAD --parallel=2 --output-style=static');
    expect(job.artifacts.paths).toEqual(['dist/ready/']);
    await ciGenerator(tree, { provider: 'gitlab' });
    expect(tree.read('.gitlab-ci.yml', 'utf-8')).toBe(text);

    const own = 'stages: [build, verify]\nbuild:\n  stage: build\n  script:\n    - echo build\n';
    const other = createTreeWithEmptyWorkspace();
    Object.entries({ ...LOCKS.npm, '.gitlab-ci.yml': own }).forEach(([f, t]) => other.write(f, t));
    await ciGenerator(other, { provider: 'gitlab' });
    expect(other.read('.gitlab-ci.yml', 'utf-8')).toBe(own);
    const included = other.read('.gitlab/ready.gitlab-ci.yml', 'utf-8')!;
    // The team's pipeline has no "test" stage: the job takes its last one.
    expect(parse(included).ready.stage).toBe('verify');
    const withInclude = own + 'include:\n  - local: .gitlab/ready.gitlab-ci.yml\n';
    expect(gitlabProblems({ '.gitlab-ci.yml': withInclude, '.gitlab/ready.gitlab-ci.yml': included })).toBe('');
  });

  it('fails with a clear message, writing nothing, for an unsupported provider or a workspace without a lockfile', async () => {
    write(LOCKS.npm);
    await expect(ciGenerator(tree, { provider: 'circleci' })).rejects.toThrow(
      '--provider=circleci is not supported yet: the ci generator writes GitHub Actions (--provider=github, the default) or GitLab CI (--provider=gitlab).',
    );
    const bare = createTreeWithEmptyWorkspace();
    await expect(ciGenerator(bare, {})).rejects.toThrow(
      /^No lockfile at the workspace root \(package-lock.json, pnpm-lock.yaml, yarn.lock or bun.lock\)/,
    );
    expect(bare.listChanges().filter((c) => c.path.startsWith('.github'))).toEqual([]);
    expect(tree.listChanges().filter((c) => c.path.startsWith('.github'))).toEqual([]);
  });
});
