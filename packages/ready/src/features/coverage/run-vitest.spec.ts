import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CheckContext } from '../../core/contracts/check';
import { diskTree } from '../../core/workspace/files';
import { findTestRunner } from '../../core/workspace/project-facts';
import { TempWorkspace } from '../../testing/temp-workspace';
import { testsCheck } from './tests-check';
import { coverageCheck } from './check';
import { runCoverageReport } from './report';

// Real Vitest with @vitest/coverage-v8 on a tiny library: the workspace borrows this repository's node_modules.
const REPO_NODE_MODULES = resolve(__dirname, '../../../../../node_modules');

describe('coverage-report on a Vitest project', () => {
  let ws: TempWorkspace;
  let info: jest.SpyInstance;
  const context = {
    get workspaceRoot() {
      return ws.root;
    },
    projectName: 'calc',
    projectRoot: 'libs/calc',
    resultsDir: 'dist/ready/libs/calc',
    options: { coverage: { lines: 80, statements: 80, functions: 80, branches: 80 } },
    targets: { test: {} },
  } as unknown as CheckContext;
  beforeEach(() => {
    ws = new TempWorkspace();
    symlinkSync(REPO_NODE_MODULES, join(ws.root, 'node_modules'));
    ws.write('libs/calc/src/calc.js', 'export const add = (a, b) => a + b;\nexport const unused = (a) => (a > 0 ? a : -a);\n');
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => {
    info.mockRestore();
    ws.cleanup();
  });

  it('finds the config: a vitest.config.*, or a vite.config.* only with a test section; jest first where both are', () => {
    ws.write('libs/a/vite.config.ts', 'export default { build: {} };\n');
    ws.write('libs/b/vite.config.mts', "export default defineConfig({ test: { environment: 'node' } });\n");
    ws.write('libs/c/vitest.config.ts', 'export default {};\n').write('libs/c/jest.config.js', 'module.exports = {};\n');
    const tree = diskTree(ws.root);
    expect(findTestRunner(tree, 'libs/a')).toBeNull();
    expect(findTestRunner(tree, 'libs/b')).toEqual({ runner: 'vitest', config: 'vite.config.mts' });
    expect(findTestRunner(tree, 'libs/c')).toEqual({ runner: 'jest', config: 'jest.config.js' });
  });

  it('runs the tests once with coverage in istanbul JSON, and the checks read it like a jest run', async () => {
    ws.write('libs/calc/vitest.config.mjs', "export default { test: { include: ['src/**/*.test.js'] } };\n");
    ws.write(
      'libs/calc/src/calc.test.js',
      "import { test, expect } from 'vitest';\nimport { add } from './calc.js';\ntest('adds', () => expect(add(1, 2)).toBe(3));\n",
    );
    const record = runCoverageReport(ws.root, { root: 'libs/calc', name: 'calc' }, { vitestConfig: 'libs/calc/vitest.config.mjs' });
    expect(record).toMatchObject({ total: 1, failed: 0, failedSuites: 0, passed: true, coverageDir: 'coverage/libs/calc' });
    const final = JSON.parse(readFileSync(join(ws.root, 'coverage/libs/calc/coverage-final.json'), 'utf8'));
    expect(Object.keys(final).map((f) => f.replace(ws.root + '/', ''))).toEqual(['libs/calc/src/calc.js']);
    expect(existsSync(join(ws.root, 'coverage/libs/calc/coverage-summary.json'))).toBe(true);
    expect(await testsCheck.run(context)).toMatchObject({ status: 'pass', metric: { text: '1 tests pass' } });
    // One of two functions is never called: under the 80 % threshold.
    const coverage = await coverageCheck.run(context);
    expect(coverage.status).toBe('fail');
    expect(coverage.data).toMatchObject({ metrics: { functions: { pct: 50 }, lines: { pct: 100 } } });
  }, 60_000);

  it('a config that finds no test file is one clear message naming its pattern, recorded for the tests check', async () => {
    ws.write('libs/calc/vitest.config.mjs', "export default { test: { include: ['src/**/*.test.js'] } };\n").write(
      'libs/calc/src/calc.js',
      'export const a = 1;\n',
    );
    const record = runCoverageReport(ws.root, { root: 'libs/calc', name: 'calc' }, { vitestConfig: 'libs/calc/vitest.config.mjs' });
    expect(record.error).toBe('no tests found in calc (vitest include: src/**/*.test.js): add a spec or remove the target.');
    expect(existsSync(join(ws.root, 'dist/ready/libs/calc/tests.json'))).toBe(true);
    expect(await testsCheck.run(context)).toMatchObject({ status: 'fail', details: [{ message: record.error }] });
    expect(await coverageCheck.run(context)).toMatchObject({ status: 'skip' });
  }, 60_000);

  it('without its coverage provider, the tests still run and are judged; coverage is "not measured" with the pinned install', async () => {
    ws.write('libs/calc/vitest.config.mjs', "export default { test: { include: ['src/**/*.test.js'], coverage: { provider: 'istanbul' } } };\n").write(
      'libs/calc/src/calc.test.js',
      "import { test, expect } from 'vitest';\nimport { add } from './calc.js';\ntest('adds', () => expect(add(1, 2)).toBe(3));\n",
    );
    const vitest = JSON.parse(readFileSync(join(REPO_NODE_MODULES, 'vitest/package.json'), 'utf8')).version;
    const record = runCoverageReport(ws.root, { root: 'libs/calc', name: 'calc' }, { vitestConfig: 'libs/calc/vitest.config.mjs' });
    expect(record).toMatchObject({ total: 1, failed: 0, passed: true });
    expect(record.coverageError).toEqual({
      message: `Vitest needs @vitest/coverage-istanbul to measure coverage for libs/calc: install it (npm i -D @vitest/coverage-istanbul@${vitest}), then run again.`,
      fix: `npm i -D @vitest/coverage-istanbul@${vitest}`,
    });
    expect(await testsCheck.run(context)).toMatchObject({ status: 'pass' });
    expect(await coverageCheck.run(context)).toMatchObject({ status: 'skip', skipped: 'not measured', fix: `npm i -D @vitest/coverage-istanbul@${vitest}` });
  }, 90_000);

  it('runs zero-config Vitest (a `test` script, no vitest.config.*): a new failing test is found and fails the tests check', async () => {
    ws.write('libs/calc/package.json', { name: 'calc', scripts: { test: 'vitest run' } })
      .write('libs/calc/src/calc.js', 'export const add = (a, b) => a + b;\n')
      .write('libs/calc/src/calc.test.js', "import { add } from './calc';\nimport { test, expect } from 'vitest';\ntest('add', () => expect(add(1, 2)).toBe(3));\n");
    const found = findTestRunner(diskTree(ws.root), 'libs/calc');
    expect(found).toEqual({ runner: 'vitest', config: null });
    const passing = runCoverageReport(ws.root, { root: 'libs/calc', name: 'calc' }, { runner: 'vitest' });
    expect(passing).toMatchObject({ total: 1, failed: 0, passed: true });
    expect(await testsCheck.run(context)).toMatchObject({ status: 'pass' });
    ws.write('libs/calc/src/broken.test.js', "import { add } from './calc';\nimport { test, expect } from 'vitest';\ntest('broken', () => expect(add(1, 2)).toBe(4));\n");
    expect(runCoverageReport(ws.root, { root: 'libs/calc', name: 'calc' }, { runner: 'vitest' })).toMatchObject({ total: 2, failed: 1 });
    expect(await testsCheck.run(context)).toMatchObject({ status: 'fail', ratchet: { 'failing tests': { value: 1 } } });
  }, 90_000);

  it('a test file that fails to load is recorded with its message and fails the tests check', async () => {
    ws.write('libs/calc/vitest.config.mjs', "export default { test: { include: ['src/**/*.test.js'] } };\n");
    ws.write(
      'libs/calc/src/calc.test.js',
      "import { sdk } from '@acme/not-built-yet';\nimport { test } from 'vitest';\ntest('x', () => sdk());\n",
    );
    const record = runCoverageReport(ws.root, { root: 'libs/calc', name: 'calc' }, { vitestConfig: 'libs/calc/vitest.config.mjs' });
    expect(record).toMatchObject({ total: 0, failedSuites: 1, passed: false });
    expect(record.suiteErrors).toEqual([{ file: 'libs/calc/src/calc.test.js', message: expect.stringContaining('@acme/not-built-yet') }]);
    const result = await testsCheck.run(context);
    expect(result).toMatchObject({ status: 'fail', metric: { text: '1 test suite(s) failed to load' } });
    expect(result.failsProject).toBe('1 test suite(s) fail to load');
  }, 60_000);
});
