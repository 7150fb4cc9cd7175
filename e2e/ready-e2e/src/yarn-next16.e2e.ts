/**
 * Matrix shape (d): a yarn classic workspace with a Next 16 app built by Turbopack: `nx affected -t
 * ready` measures it (route sizes against its HTML, the audit through yarn), a failing build is
 * reported, and every generator runs on the app, which still builds after.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionlintProblems } from '../../../packages/ready/src/testing/ci-linters';
import { backupOnShape, expectBackupRoundTrip, itWithServices } from './backup-services';
import { REPO_ROOT } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const matrix = require('../../../tools/next-matrix.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { assembleYarnNext16 } = require('../../../tools/yarn-next16.cjs');

const SITE = { project: '@yn/site', root: 'apps/site' };

describe.each([
  { yarn: 'classic (1.22)', berry: false },
  { yarn: 'berry (4.18, node-modules linker)', berry: true },
])('a yarn $yarn workspace with a Next 16 Turbopack app', ({ berry }) => {
  const DIR = join(tmpdir(), `plinto-ready-yarn-${berry ? 'berry' : 'classic'}`);
  let ws: string;
  let yarn: string;
  let first: { code: number; output: string };
  const report = () => JSON.parse(readFileSync(join(ws, 'dist/ready', SITE.root, 'ready.json'), 'utf8'));
  const check = (id: string) => report().checks.find((c: { id: string }) => c.id === id);
  beforeAll(
    () => {
      const tarball = readdirSync(join(REPO_ROOT, 'dist')).find((f) => /^plinto-ready-.*\.tgz$/.test(f));
      ({ ws, yarn } = assembleYarnNext16(
        DIR,
        join(REPO_ROOT, 'dist', tarball!),
        (m: string) => process.stdout.write(`[yarn ${berry ? 'berry' : 'classic'}] ${m}\n`),
        { berry },
      ));
      first = matrix.sh(`${yarn} nx affected -t ready --base=HEAD~1 --head=HEAD`, ws);
    },
    30 * 60 * 1000,
  );
  afterAll(() => {
    if (process.env.PLINTO_E2E_KEEP !== '1') rmSync(DIR, { recursive: true, force: true });
  });

  it('installed with yarn, built with Turbopack, every prerendered route within 5 % of what its HTML loads', () => {
    expect(existsSync(join(ws, 'yarn.lock'))).toBe(true);
    // The lockfile is the yarn line's own: berry's YAML with __metadata, classic's v1 format.
    expect(readFileSync(join(ws, 'yarn.lock'), 'utf8').includes('__metadata:')).toBe(berry);
    expect(first.output).toContain('nx run @yn/site:ready');
    const nextDir = join(ws, SITE.root, '.next');
    const bundle = check('bundle-size');
    expect(bundle.status).not.toBe('skip');
    const compared = matrix.routesAgainstHtml(nextDir, bundle.data.routes) as Array<{ route: string; within5: boolean }>;
    for (const c of compared) expect({ route: c.route, within5: c.within5 }).toEqual({ route: c.route, within5: true });
    expect(compared.length).toBeGreaterThanOrEqual(4);
    // yarn's audit ran (or says why not), through yarn, never npm.
    const audit = JSON.parse(readFileSync(join(ws, 'dist/ready', SITE.root, 'security-audit.json'), 'utf8'));
    expect(audit.lockfile?.path ?? 'yarn.lock').toBe('yarn.lock');
    if (audit.unavailable) expect(audit.unavailable).toBe('the registry gave no yarn audit answer');
  });

  it('a build that fails and a test file that fails to load are reported; every generator runs on the app, which still builds and passes its tests after', () => {
    expect(check('tests')).toMatchObject({ status: 'pass', metric: { text: '1 tests pass' } });
    const page = join(ws, SITE.root, 'app/blog/page.tsx');
    const original = readFileSync(page, 'utf8');
    writeFileSync(page, `import x from '../../components/Gone';\n${original.replace('<h1>', '<h1>{String(x)}')}`);
    const brokenTest = join(ws, SITE.root, 'lib/feed.test.js');
    writeFileSync(brokenTest, "const { feed } = require('./feed-not-written');\ntest('feed', () => expect(feed).toBeDefined());\n");
    try {
      matrix.sh(`${yarn} nx run ${SITE.project}:ready`, ws);
      expect(report().failures).toContainEqual(expect.stringContaining('the build fails'));
      expect(
        check('build')
          .details.map((d: { message: string }) => d.message)
          .join('\n'),
      ).toContain('Gone');
      expect(report().failures).toContain('1 test suite(s) fail to load');
      expect(check('tests')).toMatchObject({ status: 'fail', details: [{ file: 'apps/site/lib/feed.test.js' }] });
    } finally {
      writeFileSync(page, original);
      rmSync(brokenTest);
    }
    for (const g of ['next-image', 'dynamic-import --measure=false', 'env --skipInstall', 'strict']) {
      const r = matrix.sh(`${yarn} nx g @plinto/ready:${g} --project=${SITE.project}`, ws);
      expect({ generator: g, code: r.code, trace: /^\s+at .+\(.+:\d+:\d+\)$/m.test(r.output) }).toEqual({
        generator: g,
        code: 0,
        trace: false,
      });
    }
    const after = matrix.sh(`${yarn} nx run ${SITE.project}:ready --minScore=0 --output-style=static`, ws);
    // ready judges every check (lint may fail where the repo has no lint target): what matters here is that it measured.
    expect(after.output).toMatch(/\d+ of 13 checks apply( \(\d+ not measured\))? — /);
    expect(check('build').status).not.toBe('fail');
    expect(check('tests').status).toBe('pass');
  });

  it('the ci generator writes a workflow for this yarn line that actionlint passes', async () => {
    const r = matrix.sh(`${yarn} nx g @plinto/ready:ci`, ws);
    expect(r.code).toBe(0);
    const workflow = readFileSync(join(ws, '.github/workflows/ready.yml'), 'utf8');
    expect(await actionlintProblems(workflow, '.github/workflows/ready.yml')).toEqual([]);
    expect(workflow).toContain('          cache: yarn\n');
    expect(workflow).toContain(berry ? '      - run: yarn install --immutable\n' : '      - run: yarn install --frozen-lockfile\n');
    // Berry is enabled through corepack before setup-node asks it for its cache folder.
    expect(workflow.includes('      - run: corepack enable\n')).toBe(berry);
    expect(workflow).toContain('run: yarn nx affected -t ready --parallel=2');
    rmSync(join(ws, '.github'), { recursive: true, force: true });
  });

  itWithServices(
    "backups on yarn: the generator's workflow installs with yarn; db-backup and db-restore-verify run from the workspace's own install",
    async () => {
      const r = await backupOnShape({
        ws,
        nx: `${yarn} nx`,
        install: `YARN_ENABLE_IMMUTABLE_INSTALLS=false ${yarn} install`,
        project: SITE,
        db: `yn_site_backup_${berry ? 'berry' : 'classic'}`,
        sh: matrix.sh,
      });
      await expectBackupRoundTrip(r, berry ? 'yarn install --immutable' : 'yarn install --frozen-lockfile');
    },
  );
});
