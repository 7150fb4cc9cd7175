import { readTestsRecord } from '../../../features/coverage/tests-record';
import { Check } from '../../../core/check';
import { targetNames } from '../../../core/defaults';

/** The project's test target exists and its last run (through coverage-report) passed. */
export const testsCheck: Check = {
  id: 'tests',
  title: 'Tests exist and pass',
  defaultWeight: 15,
  run(context) {
    const names = targetNames(context.options?.targetNames);
    const testTarget = names.test;
    if (context.targets && !context.targets[testTarget]) {
      return {
        status: 'fail',
        score: 0,
        metric: { value: 0, unit: 'tests', text: 'no test target' },
        details: [{ message: `project has no "${testTarget}" target` }],
        fix: `nx g @nx/jest:configuration --project=${context.projectName}`,
      };
    }
    const record = readTestsRecord(context.workspaceRoot, context.resultsDir);
    if (!record) {
      return {
        status: 'skip',
        score: 0,
        metric: null,
        details: [{ message: `No test run recorded yet (${context.resultsDir}/tests.json).` }],
        fix: `nx run ${context.projectName}:${names.coverageReport}`,
      };
    }
    if (record.total === 0) {
      return {
        status: 'fail',
        score: 0,
        metric: { value: 0, unit: 'tests', text: 'no tests' },
        details: [{ message: 'the test run found no test' }],
        fix: 'write tests',
      };
    }
    return {
      status: record.passed ? 'pass' : 'fail',
      score: record.passed ? 100 : Math.round((100 * (record.total - record.failed)) / record.total / 2),
      metric: {
        value: record.failed,
        unit: 'failed tests',
        text: record.passed ? `${record.total} tests pass` : `${record.failed} of ${record.total} tests fail`,
      },
      details: record.passed
        ? []
        : [
            {
              message: `${record.failed} failing test(s)${record.failedSuites ? `, ${record.failedSuites} suite(s) that did not run` : ''}`,
            },
          ],
      fix: record.passed ? null : `fix the failing tests: nx run ${context.projectName}:${testTarget}`,
    };
  },
};
