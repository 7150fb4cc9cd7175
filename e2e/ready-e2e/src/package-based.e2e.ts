/**
 * The day-one gate on a package-based npm-workspaces repository adopted with `nx init` (shape (a)):
 * a config-only package, a library with code and no tests that the app consumes through its build
 * output (shape (c)), and a Next 15 app with zero-config
 * Vitest and no coverage provider, an integration suite that needs a live URL, a `.env.example`
 * and a MySQL Prisma schema. What applies is judged and nothing else; `--updateBaseline` and a
 * commit make the unchanged repository green with one build; a new failing test turns it red.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './harness';
import { startLocalRegistry } from './local-registry';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const matrix = require('../../../tools/next-matrix.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { assemblePackageBased } = require('../../../tools/package-based.cjs');

const DIR = join(tmpdir(), 'plinto-ready-package-based');
const STORE = { project: '@st/store', root: 'apps/store' };
const TSCONFIG = { project: '@st/tsconfig', root: 'packages/tsconfig' };
const UTILS = { project: '@st/utils', root: 'packages/utils' };
const ALL = [STORE, TSCONFIG, UTILS];

describe('a package-based repository adopted with nx init: config package, untested library, Next app with zero-config Vitest', () => {
  let ws: string;
  let init: string;
  const report = (p: { root: string }) => JSON.parse(readFileSync(join(ws, 'dist/ready', p.root, 'ready.json'), 'utf8'));
  const check = (p: { root: string }, id: string) => report(p).checks.find((c: { id: string }) => c.id === id);
  const summary = () => JSON.parse(readFileSync(join(ws, 'dist/ready/summary.json'), 'utf8'));
  /** The next builds since the last call (the app's build script counts itself). */
  const builds = () => {
    const log = join(ws, 'builds.log');
    const count = readFileSync(log, { encoding: 'utf8', flag: 'a+' }).split('\n').filter(Boolean).length;
    rmSync(log, { force: true });
    return count;
  };
  const run = (args = '') => matrix.sh(`npx nx run-many -t ready ${args} --output-style=static`, ws);
  beforeAll(
    () => {
      const tarball = readdirSync(join(REPO_ROOT, 'dist')).find((f) => /^plinto-ready-.*\.tgz$/.test(f));
      ({ ws, init } = assemblePackageBased(DIR, join(REPO_ROOT, 'dist', tarball!), (m: string) =>
        process.stdout.write(`[package-based] ${m}\n`),
      ));
    },
    20 * 60 * 1000,
  );
  afterAll(() => {
    if (process.env.PLINTO_E2E_KEEP !== '1') rmSync(DIR, { recursive: true, force: true });
  });

  it('init names what it inferred on each project', () => {
    expect(init).toContain('@plinto/ready inferred targets on 3 of 3 project(s):');
    expect(init).toMatch(
      /@st\/store \(apps\/store\): build-production, build-record, coverage-gate, coverage-report, ready, security-audit, smoke, smoke-record/,
    );
    expect(init).toMatch(/@st\/tsconfig \(packages\/tsconfig\): ready\b/);
  });

  it('--updateBaseline and a commit make the unchanged repository green, every project reported, one build', () => {
    const first = run('--updateBaseline');
    expect({ code: first.code, tail: first.code === 0 ? '' : first.output.slice(-3000) }).toEqual({ code: 0, tail: '' });
    expect(builds()).toBe(1);
    expect(summary().projects.map((p: { project: string }) => p.project)).toEqual(ALL.map((p) => p.project).sort());
    matrix.must('git add -A && git commit -q -m "accept the readiness baseline"', ws);
    const again = run();
    expect({ code: again.code, tail: again.code === 0 ? '' : again.output.slice(-3000) }).toEqual({ code: 0, tail: '' });
    expect(builds()).toBe(0);
    expect(summary().projects.map((p: { project: string }) => p.project)).toEqual(ALL.map((p) => p.project).sort());
    for (const p of ALL)
      expect({ project: p.project, decidedBy: report(p).verdict.decidedBy }).toEqual({ project: p.project, decidedBy: 'baseline' });
  });

  it('judges only what applies: the config package has nothing to test or lint; the untested library is a true finding', () => {
    for (const id of ['tests', 'coverage', 'lint'])
      expect({ id, status: check(TSCONFIG, id).status, skipped: check(TSCONFIG, id).skipped }).toEqual({
        id,
        status: 'skip',
        skipped: 'does not apply',
      });
    // Nothing applies to it: nothing is missing (never "0/100" over checks that do not apply).
    expect(report(TSCONFIG)).toMatchObject({ score: 100, status: 'pass' });
    expect(check(UTILS, 'tests').status).toBe('fail');
    // Backups: a MySQL datasource is not PostgreSQL.
    expect(check(STORE, 'backup')).toMatchObject({ status: 'skip', skipped: 'does not apply' });
    expect(check(STORE, 'backup').details[0].message).toContain('mysql is not supported yet');
  });

  it('the app waits for the build of the library it consumes through build output: its tests load and it type-checks', () => {
    const store = JSON.parse(matrix.must(`npx nx show project ${STORE.project} --json`, ws));
    expect(store.targets['coverage-report'].dependsOn).toContain('^build');
    expect(store.targets['build-record'].dependsOn).toContain('^build');
    expect(check(STORE, 'typecheck').status).toBe('pass');
    expect(check(STORE, 'build').status).not.toBe('fail');
    // Only the live-URL suite fails to load: the one importing the library loads.
    expect(JSON.stringify(check(STORE, 'tests'))).not.toContain('@st/utils');
  });

  it("the app's zero-config Vitest runs without a coverage provider, its live-URL suite is held, and env agrees with .env.example", () => {
    const tests = check(STORE, 'tests');
    expect(tests.status).toBe('fail');
    expect(JSON.stringify(tests.details)).toContain('E2E_BASE_URL is not set');
    expect(check(STORE, 'coverage')).toMatchObject({
      status: 'skip',
      skipped: 'not measured',
      fix: 'npm i -D @vitest/coverage-v8@4.1.12 -w apps/store',
    });
    const env = JSON.stringify(check(STORE, 'env'));
    expect(env).not.toContain('declared nowhere');
    expect(env).not.toContain('looks like a real secret');
  });

  it('a change that adds a failing test turns the gate red, naming tests', () => {
    writeFileSync(
      join(ws, STORE.root, 'lib', 'refund.test.ts'),
      "import { test, expect } from 'vitest';\nimport { price } from './price';\ntest('refund', () => expect(price(-5)).toBe(-0.05));\n",
    );
    matrix.must('git add -A && git commit -q -m "a failing test"', ws);
    const red = run();
    expect(red.code).not.toBe(0);
    expect(red.output).toContain('worse than the baseline: tests');
    expect(builds()).toBeLessThanOrEqual(1);
    expect(summary().projects.map((p: { project: string }) => p.project)).toEqual(ALL.map((p) => p.project).sort());
  });

  it('from a registry: nx add installs it and runs init, nothing else changed; nx migrate runs exactly the one migration since, which has nothing to do', async () => {
    const registry = await startLocalRegistry();
    try {
      for (const version of ['0.3.0', '0.4.0']) registry.publish(version);
      const env = Object.entries(registry.env)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      const nx = JSON.parse(readFileSync(join(ws, 'nx.json'), 'utf8'));
      nx.plugins = (nx.plugins ?? []).filter(
        (p: string | { plugin: string }) => (typeof p === 'string' ? p : p.plugin) !== '@plinto/ready',
      );
      writeFileSync(join(ws, 'nx.json'), JSON.stringify(nx, null, 2) + '\n');
      matrix.must('npm uninstall @plinto/ready --no-audit --no-fund', ws);
      writeFileSync(join(ws, '.npmrc'), `${registry.scopeLine}\n`);
      matrix.must('git add -A && git commit -q -m "without the plugin; the @plinto scope from the local registry"', ws);
      const status = () =>
        matrix.must('git diff --name-only HEAD && git ls-files --others --exclude-standard', ws).split('\n').filter(Boolean).sort();

      const add = matrix.must(`env ${env} npx nx add @plinto/ready@0.3.0`, ws);
      expect(add).toContain('@plinto/ready inferred targets on 3 of 3 project(s):');
      expect(status()).toEqual(['nx.json', 'package-lock.json', 'package.json']);
      matrix.must('git add -A && git commit -q -m "nx add @plinto/ready"', ws);

      matrix.must(`env ${env} npx nx migrate @plinto/ready@0.4.0`, ws);
      const planned = JSON.parse(readFileSync(join(ws, 'migrations.json'), 'utf8')).migrations.map(
        (m: { name: string; version: string }) => `${m.version} ${m.name}`,
      );
      expect(planned).toEqual(['0.4.0 fix-unknown-target-options']);
      matrix.must(`env ${env} npm install --no-audit --no-fund`, ws);
      const migrated = matrix.must(`env ${env} npx nx migrate --run-migrations`, ws);
      expect(migrated).toContain('nothing to do');
      expect(status()).toEqual(['migrations.json', 'package-lock.json', 'package.json']);
      expect(JSON.parse(readFileSync(join(ws, 'node_modules/@plinto/ready/package.json'), 'utf8')).version).toBe('0.4.0');
    } finally {
      registry.stop();
    }
  });
});
