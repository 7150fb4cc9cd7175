import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TempWorkspace } from '../../testing/temp-workspace';
import { coverageCheck } from './check';
import { CheckContext, CheckOutcome } from '../../core/contracts/check';

// The evaluate fixture: lines 4 of 6 (66.66 %), functions 1 of 2, branches 1 of 2, in apps/web/src.
const FIXTURE = readFileSync(join(__dirname, '__fixtures__', 'coverage-final.json'), 'utf8');

describe('coverage check', () => {
  let ws: TempWorkspace;
  const ctx = (coverage?: CheckContext['options']): CheckContext => ({
    workspaceRoot: ws.root,
    projectName: 'web',
    projectRoot: 'apps/web',
    resultsDir: 'dist/ready/apps/web',
    options: coverage,
  });
  const run = (options?: CheckContext['options']) => coverageCheck.run(ctx(options)) as CheckOutcome;
  const record = (passed: boolean) =>
    ws.write('dist/ready/apps/web/tests.json', {
      schemaVersion: 1,
      project: 'web',
      projectRoot: 'apps/web',
      total: 4,
      failed: passed ? 0 : 1,
      failedSuites: 0,
      passed,
      coverageDir: 'coverage/apps/web',
      ranAt: '2026-01-01T00:00:00.000Z',
    });
  beforeEach(() => {
    ws = new TempWorkspace();
    ws.write('apps/web/jest.config.ts', 'export default {};');
    ws.write('coverage/apps/web/coverage-final.json', FIXTURE.replace(/\/ws\//g, `${ws.root}/`));
  });
  afterEach(() => ws.cleanup());

  it('skips, naming the command that produces the result, when no test run is recorded', () => {
    expect(run()).toMatchObject({ status: 'skip', fix: 'nx run web:coverage-report' });
  });

  it('skips a project without a jest or Vitest config and no recorded run, naming no plugin the workspace may lack', () => {
    // Code to test, and nothing that runs tests (a project with no code at all is "does not apply").
    const bare = new TempWorkspace().write('apps/web/src/a.ts', 'export const a = 1;\n');
    try {
      const result = coverageCheck.run({ ...ctx(), workspaceRoot: bare.root }) as CheckOutcome;
      expect(result).toMatchObject({ status: 'skip' });
      expect(result.fix).toMatch(/^add a jest\.config\.\* or vitest\.config\.\* to /);
      expect(result.fix).not.toContain('@nx/jest');
    } finally {
      bare.cleanup();
    }
  });

  it('passes at or above every threshold, with the figures a dashboard needs', () => {
    record(true);
    const result = run({ coverage: { lines: 60, statements: 60, functions: 50, branches: 50 } });
    expect(result).toMatchObject({
      status: 'pass',
      score: 100,
      fix: null,
      metric: { value: 50, unit: '% functions', text: 'coverage 50 % (functions)' },
    });
    expect(result.data).toMatchObject({
      metrics: { lines: { pct: 66.66, threshold: 60 } },
      coverageFinal: 'coverage/apps/web/coverage-final.json',
    });
  });

  it('fails under the thresholds, naming the metric and the least covered files', () => {
    record(true);
    const result = run();
    expect(result).toMatchObject({ status: 'fail', fix: 'add tests for apps/web/src/a.ts (50 % of lines)' });
    expect(result.details).toContainEqual({ message: 'lines: 66.66 % is 13.34 points under 80 %' });
    expect(result.details).toContainEqual({ file: 'apps/web/src/a.ts', message: 'least covered: 50 % of lines' });
  });

  it('warns when only the committed baseline (the ratchet) holds', () => {
    record(true);
    ws.write('apps/web/coverage-baseline.json', { lines: 66.66, statements: 66.66, functions: 50, branches: 50 });
    expect(run()).toMatchObject({ status: 'warn' });
  });

  it('fails on failing tests without judging coverage', () => {
    record(false);
    expect(run()).toMatchObject({
      status: 'fail',
      details: [
        {
          message:
            '1 of 4 test(s) failed in apps/web: fix the failing tests (see the coverage-report output); coverage is only judged on a passing run.',
        },
      ],
    });
  });
});
