import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CheckContext } from '../../core/contracts/check';
import { readCoverageMap } from './read-coverage';
import { runCoverageReport, suiteErrors } from './report';
import { TempWorkspace } from '../../testing/temp-workspace';
import { testsCheck } from './tests-check';

// Real jest on a tiny project: the workspace borrows this repository's node_modules.
const REPO_NODE_MODULES = resolve(__dirname, '../../../../../node_modules');

describe('tests check on a real jest run', () => {
  let ws: TempWorkspace;
  let info: jest.SpyInstance;
  const check = (targets: Record<string, unknown>) =>
    testsCheck.run({
      workspaceRoot: ws.root,
      projectName: 'calc',
      projectRoot: 'libs/calc',
      resultsDir: 'dist/ready/libs/calc',
      targets,
    } as unknown as CheckContext);
  beforeEach(() => {
    ws = new TempWorkspace();
    symlinkSync(REPO_NODE_MODULES, join(ws.root, 'node_modules'));
    ws.write('libs/calc/jest.config.js', "module.exports = { testEnvironment: 'node', transform: {} };\n");
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => {
    info.mockRestore();
    ws.cleanup();
  });

  it('a config whose pattern finds no test is recorded as "no tests found", naming jest\'s testMatch, never "fix the jest configuration"', () => {
    ws.write('libs/calc/src/calc.js', 'module.exports = 1;\n');
    const record = runCoverageReport(
      ws.root,
      { root: 'libs/calc', name: 'calc' },
      { jestConfig: 'libs/calc/jest.config.js', outputPath: 'dist/ready/libs/calc' },
    );
    expect(record.error).toMatch(
      /^no tests found in calc \(jest testMatch: \*\*\/__tests__\/\*\*\/\*\.\?\(\[mc\]\)\[jt\]s\?\(x\), .+\): add a spec or remove the target\.$/,
    );
    // Recorded, not thrown: the project is still reported, and ready judges the record.
    expect(JSON.parse(ws.read('dist/ready/libs/calc/tests.json'))).toMatchObject({ passed: false, error: record.error });
  }, 60_000);

  it('runs jest configured under "jest" in package.json, as the inferred target passes it', async () => {
    ws.write('libs/calc/package.json', { name: 'calc', jest: { testEnvironment: 'node', transform: {} } })
      .write('libs/calc/src/calc.js', 'module.exports = (a, b) => a + b;\n')
      .write('libs/calc/src/calc.test.js', "const add = require('./calc');\ntest('add', () => expect(add(1, 2)).toBe(3));\n");
    // Without the jest.config.js of beforeEach: package.json is the only config.
    rmSync(join(ws.root, 'libs/calc/jest.config.js'));
    const record = runCoverageReport(ws.root, { root: 'libs/calc', name: 'calc' }, { jestConfig: 'libs/calc/package.json', outputPath: 'dist/ready/libs/calc' });
    expect(record).toMatchObject({ total: 1, failed: 0, passed: true });
    expect(await check({ test: {} })).toMatchObject({ status: 'pass' });
  }, 60_000);

  it('writes the test record and the coverage map without a path or a time of the machine: two folders, the same bytes, read back as this one', () => {
    const seed = (w: TempWorkspace) => {
      if (!existsSync(join(w.root, 'node_modules'))) symlinkSync(REPO_NODE_MODULES, join(w.root, 'node_modules'));
      w.write('libs/calc/jest.config.js', "module.exports = { testEnvironment: 'node', transform: {} };\n")
        .write('libs/calc/src/calc.js', 'module.exports = (a, b) => (a > b ? a : b);\n')
        .write('libs/calc/src/calc.test.js', "const max = require('./calc');\ntest('max', () => expect(max(1, 2)).toBe(2));\n");
      runCoverageReport(
        w.root,
        { root: 'libs/calc', name: 'calc' },
        { jestConfig: 'libs/calc/jest.config.js', outputPath: 'dist/ready/libs/calc' },
      );
    };
    const other = new TempWorkspace();
    try {
      seed(ws);
      seed(other);
      for (const file of [
        'dist/ready/libs/calc/tests.json',
        'coverage/libs/calc/coverage-final.json',
        'coverage/libs/calc/coverage-summary.json',
      ]) {
        const [here, there] = [readFileSync(join(ws.root, file), 'utf8'), readFileSync(join(other.root, file), 'utf8')];
        expect({ file, same: here === there }).toEqual({ file, same: true });
        expect(here).not.toContain(ws.root);
      }
      expect(Object.keys(JSON.parse(readFileSync(join(ws.root, 'coverage/libs/calc/coverage-final.json'), 'utf8')))).toEqual([
        'libs/calc/src/calc.js',
      ]);
      // Readers get the files of the workspace they run in.
      expect(readCoverageMap(other.root, 'coverage/libs/calc/coverage-final.json').files()).toEqual([
        join(other.root, 'libs/calc/src/calc.js'),
      ]);
    } finally {
      other.cleanup();
    }
  }, 120_000);

  it('a suite that fails to load is recorded with its file and message, and fails the check (never "0 of 0")', async () => {
    ws.write(
      'libs/calc/src/calc.test.js',
      "const { sdk } = require('@acme/not-built-yet');\ntest('uses the sdk', () => expect(sdk).toBeDefined());\n",
    );
    const record = runCoverageReport(
      ws.root,
      { root: 'libs/calc', name: 'calc' },
      { jestConfig: 'libs/calc/jest.config.js', outputPath: 'dist/ready/libs/calc' },
    );
    expect(record).toMatchObject({ total: 0, failed: 0, failedSuites: 1, passed: false });
    expect(record.suiteErrors).toEqual([
      { file: 'libs/calc/src/calc.test.js', message: expect.stringContaining("Cannot find module '@acme/not-built-yet'") },
    ]);
    const result = await check({ test: {} });
    expect(result).toMatchObject({ status: 'fail', score: 0, metric: { text: '1 test suite(s) failed to load' } });
    expect(result.details[0]).toMatchObject({ file: 'libs/calc/src/calc.test.js' });
  });

  it('records each failing test by file and name beside a suite that fails to load, so a baseline holds them one by one', async () => {
    ws.write('libs/calc/src/live.test.js', "if (!process.env.E2E_BASE_URL) throw new Error('E2E_BASE_URL is not set');\ntest('x', () => {});\n");
    ws.write(
      'libs/calc/src/calc.test.js',
      "describe('add', () => {\n  test('adds', () => expect(1 + 1).toBe(2));\n  test('refunds', () => expect(-1).toBe(1));\n});\n",
    );
    const record = runCoverageReport(
      ws.root,
      { root: 'libs/calc', name: 'calc' },
      { jestConfig: 'libs/calc/jest.config.js', outputPath: 'dist/ready/libs/calc' },
    );
    expect(record.failedTests).toEqual(['libs/calc/src/calc.test.js › add refunds']);
    const result = await check({ test: {} });
    expect(result).toMatchObject({
      status: 'fail',
      metric: { text: '1 test suite(s) failed to load; 1 of 2 tests fail' },
      items: ['libs/calc/src/live.test.js', 'libs/calc/src/calc.test.js › add refunds'],
      ratchet: { 'failing tests': { value: 1, better: 'lower' } },
    });
  });

  it('judges a project without a test target of its own (root jest projects) by its recorded run', async () => {
    ws.write('libs/calc/src/calc.test.js', "test('adds', () => expect(1 + 1).toBe(2));\n");
    runCoverageReport(
      ws.root,
      { root: 'libs/calc', name: 'calc' },
      { jestConfig: 'libs/calc/jest.config.js', outputPath: 'dist/ready/libs/calc' },
    );
    expect(await check({})).toMatchObject({ status: 'pass', metric: { text: '1 tests pass' } });
  });

  it('quotes what a suite threw at load in the fix, never guessing "a missing module or a syntax error"', async () => {
    ws.write('dist/ready/libs/calc/tests.json', {
      schemaVersion: 1,
      project: 'calc',
      projectRoot: 'libs/calc',
      total: 12,
      failed: 0,
      failedSuites: 1,
      suiteErrors: [{ file: 'libs/calc/e2e/live.spec.ts', message: 'Error: E2E_BASE_URL is not set: point it at a deployment\n  > 3 | throw' }],
      passed: false,
      coverageDir: 'coverage/libs/calc',
    });
    const r = await check({ test: {} });
    expect(r.fix).toBe('make libs/calc/e2e/live.spec.ts load: "Error: E2E_BASE_URL is not set: point it at a deployment"');
    expect(r.items).toEqual(['libs/calc/e2e/live.spec.ts']);
  });

  it("keeps a suite's message and drops the runner's stack frames", () => {
    const message = [
      '\u001b[1m● \u001b[22mTest suite failed to run',
      '',
      "    Cannot find module '@ws/sdk' from 'specs/sdk.spec.tsx'",
      '      at Resolver._throwModNotFoundError (../../node_modules/jest-resolve/build/index.js:863:11)',
      '      at Object.<anonymous> (specs/sdk.spec.tsx:5:22)',
      '    > 1 | import { client } from "@ws/sdk";',
    ].join('\n');
    const [error] = suiteErrors(ws.root, {
      numTotalTests: 0,
      numFailedTests: 0,
      numRuntimeErrorTestSuites: 1,
      testResults: [{ name: join(ws.root, 'specs/sdk.spec.tsx'), status: 'failed', message, assertionResults: [] }],
    });
    expect(error).toEqual({
      file: 'specs/sdk.spec.tsx',
      message: [
        '● Test suite failed to run',
        "    Cannot find module '@ws/sdk' from 'specs/sdk.spec.tsx'",
        '    > 1 | import { client } from "@ws/sdk";',
      ].join('\n'),
    });
  });
});
