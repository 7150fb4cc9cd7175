/** `nx g @plinto/ready:ci` on the real workspace: a workflow actionlint passes, beside the team's own, and a valid GitLab CI. */
import { stripVTControlCharacters } from 'node:util';
import { actionlintProblems, gitlabProblems } from '../../../packages/ready/src/testing/ci-linters';
import { APP, APP_ROOT, readWsFile, readWsJson, resetWorkspace, run, runOk, writeWsFile, wsFileExists } from './harness';

describe('nx g @plinto/ready:ci', () => {
  beforeAll(() => resetWorkspace());
  afterAll(() => resetWorkspace());
  const TEAM_CI =
    'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx nx run-many -t test\n';

  it('writes a workflow actionlint passes, beside the team’s own, with the workspace’s package manager; --dry-run writes nothing', async () => {
    writeWsFile('.github/workflows/ci.yml', TEAM_CI);
    const dry = runOk('npx nx g @plinto/ready:ci --dry-run');
    expect(stripVTControlCharacters(dry.output)).toContain('CREATE .github/workflows/ready.yml');
    expect(wsFileExists('.github/workflows/ready.yml')).toBe(false);

    const r = runOk('npx nx g @plinto/ready:ci');
    const out = stripVTControlCharacters(r.output);
    expect(out).toMatch(/wrote \.github\/workflows\/ready\.yml: npm \(package-lock\.json\), Node \d+, job "ready"/);
    expect(out).toContain('left as they are: .github/workflows/ci.yml');
    expect(readWsFile('.github/workflows/ci.yml')).toBe(TEAM_CI);
    const workflow = readWsFile('.github/workflows/ready.yml');
    expect(await actionlintProblems(workflow, '.github/workflows/ready.yml')).toEqual([]);
    expect(workflow).toContain('      - run: npm ci\n');
    expect(workflow).toContain('npx nx affected -t ready --parallel=2 --output-style=static');
    expect(workflow).toContain('          cache: npm\n');

    // What the comment step requires resolves from the workspace, as github-script's require does (from the working directory).
    runOk(`node -e "const m = require('@plinto/ready/src/ci'); if (typeof m.upsertReadyComment !== 'function') process.exit(1)"`);
    // A second run changes nothing.
    const again = stripVTControlCharacters(runOk('npx nx g @plinto/ready:ci').output);
    expect(again).toContain('.github/workflows/ready.yml already has the job "ready": nothing to change');
    expect(readWsFile('.github/workflows/ready.yml')).toBe(workflow);
  });

  it('makes the scripts check see CI running ready, and its fix was the generator', () => {
    const report = () => readWsJson(`dist/ready/${APP_ROOT}/ready.json`).checks.find((c: any) => c.id === 'scripts');
    const messages = () => report().details.map((d: any) => d.message);
    run(`npx nx run ${APP}:ready --minScore=0 --checks=scripts`);
    expect(messages().some((m: string) => /does not run "nx affected -t ready"|no CI definition/.test(m))).toBe(false);
    writeWsFile('.github/workflows/ready.yml', TEAM_CI);
    run(`npx nx run ${APP}:ready --minScore=0 --checks=scripts`);
    expect(messages()).toContain('CI (.github/workflows/ci.yml, .github/workflows/ready.yml) does not run "nx affected -t ready"');
    expect(report().fix).toContain('nx g @plinto/ready:ci');
  });

  it('--provider=gitlab writes a .gitlab-ci.yml GitLab’s schema accepts; an unknown provider is a clear error that writes nothing', () => {
    const r = runOk('npx nx g @plinto/ready:ci --provider=gitlab');
    expect(stripVTControlCharacters(r.output)).toContain('wrote .gitlab-ci.yml: npm (package-lock.json)');
    expect(gitlabProblems({ '.gitlab-ci.yml': readWsFile('.gitlab-ci.yml') })).toBe('');
    const bad = run('npx nx g @plinto/ready:ci --provider=circleci');
    expect(bad.code).not.toBe(0);
    expect(stripVTControlCharacters(bad.output)).toContain('--provider=circleci is not supported yet');
    expect(bad.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(wsFileExists('.circleci/config.yml')).toBe(false);
  });
});
