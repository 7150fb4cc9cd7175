/**
 * The day-one gate on a single-app Next.js repository adopted with `nx init` (shape (b)): the app at
 * the workspace root gets every target, zero-config Vitest is found, `--updateBaseline` and a commit
 * make the unchanged repository green with one build, and a new failing test turns it red.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const matrix = require('../../../tools/next-matrix.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { assembleSingleApp } = require('../../../tools/single-app.cjs');

const DIR = join(tmpdir(), 'plinto-ready-single-app');
/** Each `next build` prints this line once. */
const BUILDS = /Creating an optimized production build/g;

describe('a single-app Next.js repository adopted with nx init (the app at the workspace root)', () => {
  let ws: string;
  let init: string;
  const report = () => JSON.parse(readFileSync(join(ws, 'dist/ready/_root/ready.json'), 'utf8'));
  const check = (id: string) => report().checks.find((c: { id: string }) => c.id === id);
  beforeAll(
    () => {
      const tarball = readdirSync(join(REPO_ROOT, 'dist')).find((f) => /^plinto-ready-.*\.tgz$/.test(f));
      ({ ws, init } = assembleSingleApp(DIR, join(REPO_ROOT, 'dist', tarball!), (m: string) =>
        process.stdout.write(`[single-app] ${m}\n`),
      ));
    },
    20 * 60 * 1000,
  );
  afterAll(() => {
    if (process.env.PLINTO_E2E_KEEP !== '1') rmSync(DIR, { recursive: true, force: true });
  });

  it('init says what it inferred on the root project: every target, never a claim it did not check', () => {
    expect(init).toContain('@plinto/ready inferred targets on 1 of 1 project(s):');
    expect(init).toContain(
      'shop (. (the workspace root)): build-production, build-record, coverage-gate, coverage-report, ready, security-audit, smoke, smoke-record',
    );
  });

  it('--updateBaseline, a commit, then the unchanged repository is green, with one next build per run', () => {
    const first = matrix.sh('npx nx run-many -t ready --updateBaseline --output-style=static', ws);
    expect(first.code).toBe(0);
    // Results in a folder of the root project's own, never beside the workspace summary.
    expect(report().projectRoot).toBe('.');
    expect(
      JSON.parse(readFileSync(join(ws, 'dist/ready/summary.json'), 'utf8')).projects.map((p: { project: string }) => p.project),
    ).toEqual(['shop']);
    // Zero-config Vitest is found and run; without its coverage provider, coverage is not measured, with the pinned install.
    expect(check('tests')).toMatchObject({ status: 'pass', metric: { text: '1 tests pass' } });
    expect(check('coverage')).toMatchObject({
      status: 'skip',
      skipped: 'not measured',
      fix: expect.stringMatching(/^npm i -D @vitest\/coverage-v8@4\.1\.12$/),
    });
    expect(first.output.match(BUILDS)?.length).toBe(1);
    matrix.must('git add -A && git commit -q -m "accept the readiness baseline"', ws);
    const again = matrix.sh('npx nx run-many -t ready --output-style=static', ws);
    expect(again.code).toBe(0);
    // At most one build: the commit may change the build's inputs (next build writes tsconfig.json's include), never two.
    expect(again.output.match(BUILDS)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(report().verdict).toMatchObject({ decidedBy: 'baseline', headline: expect.stringMatching(/^(ready|held by baseline: )/) });
  });

  it('a change that adds a failing test turns the gate red, naming tests', () => {
    writeFileSync(
      join(ws, 'lib', 'refund.test.ts'),
      "import { test, expect } from 'vitest';\nimport { price } from './price';\ntest('refund', () => expect(price(-5)).toBe(-0.05));\n",
    );
    matrix.must('git add -A && git commit -q -m "a failing test"', ws);
    const red = matrix.sh('npx nx run-many -t ready --output-style=static', ws);
    expect(red.code).not.toBe(0);
    expect(red.output).toContain('worse than the baseline: tests fails (baseline: pass)');
    expect(check('tests')).toMatchObject({ status: 'fail', metric: { text: '1 of 2 tests fail' } });
  });
});
