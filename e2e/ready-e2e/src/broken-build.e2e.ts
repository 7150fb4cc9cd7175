/**
 * Matrix shape (a), the integrated Nx 23 workspace: a build that fails and a test file that fails to
 * load never silence `ready`. Both are reported in the same `nx affected -t ready` run, with the
 * first lines of each error, and the workspace summary lists the project.
 */
import { APP, APP_ROOT, commitAll, readWsFile, readWsJson, resetWorkspace, run, writeWsFile } from './harness';

describe('a broken build and a test file that fails to load (integrated workspace)', () => {
  beforeAll(() => resetWorkspace());
  afterAll(() => resetWorkspace());

  it('are both reported by ready, loudest of all, and the summary lists the app', () => {
    writeWsFile(
      `${APP_ROOT}/app/page.tsx`,
      `import { gone } from './not-there';\n${readWsFile(`${APP_ROOT}/app/page.tsx`)}\nexport const keep = gone;\n`,
    );
    writeWsFile(
      `${APP_ROOT}/specs/sdk.spec.tsx`,
      "import { client } from '@ws/sdk-not-built';\n\nit('calls', () => expect(client).toBeDefined());\n",
    );
    commitAll('break the build and a test file');
    const r = run('npx nx affected -t ready --base=HEAD~1 --head=HEAD --minScore=0');
    expect(r.code).not.toBe(0);
    expect(r.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)\n\s+at /); // no stack trace of ours
    const report = readWsJson(`dist/ready/${APP_ROOT}/ready.json`);
    const check = (id: string) => report.checks.find((c: { id: string }) => c.id === id);
    expect(report.status).toBe('fail');
    // The page's own spec cannot load either now: it imports the page, whose import is gone.
    expect(report.failures).toEqual(expect.arrayContaining([expect.stringContaining('the build fails'), '2 test suite(s) fail to load']));
    expect(check('build').status).toBe('fail');
    expect(
      check('build')
        .details.map((d: { message: string }) => d.message)
        .join('\n'),
    ).toContain('not-there');
    expect(check('bundle-size').status).toBe('skip');
    const unloadable = check('tests').details as Array<{ file: string; message: string }>;
    expect(check('tests').status).toBe('fail');
    expect(unloadable.find((d) => d.file === `${APP_ROOT}/specs/sdk.spec.tsx`)?.message).toContain('@ws/sdk-not-built');
    expect(unloadable.find((d) => d.file === `${APP_ROOT}/specs/index.spec.tsx`)?.message).toContain('not-there');
    const summary = readWsJson('dist/ready/summary.json');
    const row = summary.projects.find((p: { project: string }) => p.project === APP);
    expect(row).toMatchObject({ status: 'fail', checks: { build: 'fail', tests: 'fail' } });
  });
});
