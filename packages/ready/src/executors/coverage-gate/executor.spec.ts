import { ExecutorContext } from '@nx/devkit';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TempWorkspace } from '../../testing/temp-workspace';
import coverageGateExecutor from './executor';
import { runCoverageReport } from '../../features/coverage/report';
import { CoverageGateReport } from '../../features/coverage/types';

// Real jest on a real (tiny) project: the workspace borrows this repository's node_modules.
const REPO_NODE_MODULES = resolve(__dirname, '../../../../../node_modules');
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };

function context(root: string): ExecutorContext {
  return {
    root,
    cwd: root,
    isVerbose: false,
    projectName: 'calc',
    projectsConfigurations: { version: 2, projects: { calc: { root: 'libs/calc' } } },
    nxJsonConfiguration: {},
    projectGraph: { nodes: {}, dependencies: {} },
  } as ExecutorContext;
}

// One statement a line, so that line coverage moves with each test: the module's load runs
// lines 1, 4, 7 and 10; each function's body is its own line.
const SOURCE = `exports.add = (a, b) => {
  return a + b;
};
exports.sub = (a, b) => {
  return a - b;
};
exports.mul = (a, b) => {
  return a * b;
};
exports.div = (a, b) => {
  if (b === 0) throw new Error('division by zero');
  return a / b;
};
`;

describe('coverage-gate executor (real jest)', () => {
  let ws: TempWorkspace;
  let logs: string[];
  let spies: jest.SpyInstance[];
  const options = { outputPath: 'dist/ready/libs/calc' };
  const reportOptions = { jestConfig: 'libs/calc/jest.config.js', outputPath: 'dist/ready/libs/calc' };
  /** What the inferred targets do: coverage-report (the test run), then coverage-gate (the verdict). */
  const testRun = () => runCoverageReport(ws.root, { root: 'libs/calc', name: 'calc' }, reportOptions);
  const gate = async (o: Parameters<typeof coverageGateExecutor>[0]) => {
    testRun();
    return coverageGateExecutor(o, context(ws.root));
  };
  const report = (): CoverageGateReport => JSON.parse(readFileSync(join(ws.root, 'dist/ready/libs/calc/coverage-gate.json'), 'utf8'));
  const git = (cmd: string) => execSync(`git ${cmd}`, { cwd: ws.root, env: GIT_ENV, stdio: 'pipe' });

  beforeEach(() => {
    ws = new TempWorkspace();
    symlinkSync(REPO_NODE_MODULES, join(ws.root, 'node_modules'));
    ws.write('.gitignore', 'node_modules\ndist\ncoverage\n');
    ws.write('libs/calc/jest.config.js', "module.exports = { testEnvironment: 'node', transform: {} };\n");
    ws.write('libs/calc/src/calc.js', SOURCE);
    ws.write(
      'libs/calc/src/calc.test.js',
      "const c = require('./calc');\ntest('add', () => expect(c.add(1, 2)).toBe(3));\ntest('sub', () => expect(c.sub(3, 2)).toBe(1));\n",
    );
    git('init -q -b main && git add -A && git commit -q -m base');
    logs = [];
    const keep = (m: unknown) => void logs.push(String(m));
    spies = [jest.spyOn(console, 'info').mockImplementation(keep), jest.spyOn(console, 'error').mockImplementation(keep)];
  });
  afterEach(() => {
    spies.forEach((s) => s.mockRestore());
    ws.cleanup();
  });

  it('fails an under-covered project, naming the metric and the numbers', async () => {
    const result = await gate({ ...options, thresholds: { lines: 80 } });
    expect(result.success).toBe(false);
    const r = report();
    expect(r.metrics.lines).toMatchObject({ verdict: 'fail', covered: 6, total: 9, pct: 66.66 });
    expect(r.metrics.lines.note).toBe('66.66 % is 13.34 points under 80 %');
    expect(logs.join('\n')).toContain('lines: 66.66 % is 13.34 points under 80 %');
    expect(r.leastCovered[0]).toEqual({ file: 'libs/calc/src/calc.js', lines: 66.66 });
    expect(existsSync(join(ws.root, 'coverage/libs/calc/coverage-final.json'))).toBe(true);
  });

  it('passes once tests cover enough', async () => {
    ws.write(
      'libs/calc/src/more.test.js',
      "const c = require('./calc');\ntest('mul', () => expect(c.mul(2, 3)).toBe(6));\ntest('div', () => { expect(c.div(6, 3)).toBe(2); expect(() => c.div(1, 0)).toThrow(); });\n",
    );
    const result = await gate({ ...options, thresholds: { lines: 80, branches: 80 } });
    expect(result.success).toBe(true);
    expect(report().status).toBe('pass');
  });

  it('ratchet: a baseline holds a project under threshold, and a drop under it fails', async () => {
    expect((await gate({ ...options, updateBaseline: true })).success).toBe(false);
    expect(JSON.parse(readFileSync(join(ws.root, 'libs/calc/coverage-baseline.json'), 'utf8'))).toMatchObject({ lines: 66.66 });
    expect((await gate(options)).success).toBe(true);
    expect(report()).toMatchObject({ status: 'warn', metrics: { lines: { verdict: 'ratchet', baseline: 66.66 } } });
    ws.write('libs/calc/src/calc.test.js', "const c = require('./calc');\ntest('add', () => expect(c.add(1, 2)).toBe(3));\n");
    expect((await gate(options)).success).toBe(false);
    expect(report().metrics.lines.note).toMatch(/^dropped 11\.11 points under the baseline of 66\.66 %/);
  });

  it('changed lines: an added line no test runs fails the rule, with file:line', async () => {
    ws.write(
      'libs/calc/src/more.test.js',
      "const c = require('./calc');\ntest('mul', () => expect(c.mul(2, 3)).toBe(6));\ntest('div', () => { expect(c.div(6, 3)).toBe(2); expect(() => c.div(1, 0)).toThrow(); });\n",
    );
    git('add -A && git commit -q -m tests');
    ws.write('libs/calc/src/calc.js', SOURCE + 'exports.neg = (a) => {\n  return -a;\n};\n');
    const result = await gate({ ...options, thresholds: { lines: 0 }, base: 'HEAD' });
    expect(result.success).toBe(false);
    const changed = report().changedLines!;
    // Line 14 (the assignment) runs when the module loads; line 15 (the body) never runs.
    expect(changed).toMatchObject({ base: 'HEAD', verdict: 'fail', covered: 1, total: 2, pct: 50 });
    expect(changed.uncovered).toEqual([{ file: 'libs/calc/src/calc.js', line: 15, reason: 'not run by any test' }]);
    expect(logs.join('\n')).toContain('libs/calc/src/calc.js:15');
  });

  it('a failing test run is recorded by coverage-report and reported by the gate as failing tests, not as coverage', async () => {
    ws.write('libs/calc/src/calc.test.js', "test('broken', () => expect(1).toBe(2));\n");
    expect(testRun()).toMatchObject({ total: 1, failed: 1, passed: false });
    expect(JSON.parse(readFileSync(join(ws.root, 'dist/ready/libs/calc/tests.json'), 'utf8'))).toMatchObject({
      total: 1,
      failed: 1,
      passed: false,
    });
    expect((await coverageGateExecutor(options, context(ws.root))).success).toBe(false);
    expect(logs.join('\n')).toMatch(
      /1 of 1 test\(s\) failed in libs\/calc: fix the failing tests \(see the coverage-report output\); coverage is only judged on a passing run\./,
    );
    expect(existsSync(join(ws.root, 'dist/ready/libs/calc/coverage-gate.json'))).toBe(false);
  });

  it('an unknown base ref and a gate without a test run are clear errors', async () => {
    expect((await gate({ ...options, base: 'no-such-ref' })).success).toBe(false);
    expect(logs.join('\n')).toContain('The base "no-such-ref" is not a commit in this repository');
    ws.cleanup();
    ws = new TempWorkspace();
    expect((await coverageGateExecutor(options, context(ws.root))).success).toBe(false);
    expect(logs.join('\n')).toContain('dist/ready/libs/calc/tests.json does not exist: run "nx run calc:coverage-report" first');
  });

  it('a missing or malformed coverage file is named', async () => {
    testRun();
    ws.write('coverage/libs/calc/coverage-final.json', '{ broken');
    expect((await coverageGateExecutor(options, context(ws.root))).success).toBe(false);
    expect(logs.join('\n')).toMatch(
      /coverage\/libs\/calc\/coverage-final\.json is not a valid istanbul coverage map \(.+\): delete it and run the coverage gate again\./,
    );
    rmSync(join(ws.root, 'coverage'), { recursive: true });
    expect((await coverageGateExecutor(options, context(ws.root))).success).toBe(false);
    expect(logs.join('\n')).toContain('coverage/libs/calc/coverage-final.json was not written by the test run');
  });

  it('a malformed baseline is named, and nothing is written', async () => {
    ws.write('libs/calc/coverage-baseline.json', '{ nope');
    expect((await gate(options)).success).toBe(false);
    expect(logs.join('\n')).toContain('libs/calc/coverage-baseline.json is not valid JSON');
    expect(existsSync(join(ws.root, 'dist/ready/libs/calc/coverage-gate.json'))).toBe(false);
  });
});
