import { readTestsRecord } from './tests-record';
import { checkTree, defineCheck, skip, runCommand } from '../../core/contracts/check';
import { hasCodeToTest } from '../../core/workspace/project-facts';
import { targetNames } from '../../core/contracts/defaults';

/** The project's test target exists and its last run (through coverage-report) passed. */
export const testsCheck = defineCheck({ id: 'tests', title: 'Tests exist and pass', defaultWeight: 15 }, (context) => {
    const names = targetNames(context.options?.targetNames);
    const testTarget = names.test;
    const record = readTestsRecord(context.workspaceRoot, context.resultsDir);
    // Tests run from a root jest `projects` config have no target of their own: the recorded run is what counts.
    if (!record && context.targets && !context.targets[testTarget]) {
      if (!hasCodeToTest(checkTree(context), context.projectRoot)) {
        return skip(`No code to test in ${context.projectRoot} (configuration and assets only): tests do not apply.`);
      }
      return {
        status: 'fail',
        score: 0,
        metric: { value: 0, unit: 'tests', text: 'no test target' },
        details: [{ message: `project has no "${testTarget}" target` }],
        fix: `add a jest.config.* or vitest.config.* to ${context.projectRoot}, or a "${testTarget}" script to ${context.projectRoot}/package.json`,
      };
    }
    if (!record) {
      return skip(`No test run recorded yet (${context.resultsDir}/tests.json).`, `nx run ${context.projectName}:${names.coverageReport}`);
    }
    // The run itself could not happen (no test found, the runner or its coverage provider missing):
    // what coverage-report recorded is the finding, with its fix.
    if (record.error) {
      return {
        status: 'fail',
        score: 0,
        metric: { value: 0, unit: 'tests run', text: 'the tests could not be run' },
        details: [{ message: record.error }],
        fix: `fix what the message above names, then nx run ${context.projectName}:${names.coverageReport}`,
      };
    }
    // Suites that could not even load (a missing module, a syntax error): their tests never ran, so "0 of 0" would be a lie.
    if (record.failedSuites > 0) {
      const errors = record.suiteErrors ?? [];
      return {
        status: 'fail',
        score: 0,
        metric: {
          value: record.failedSuites,
          unit: 'suites that failed to load',
          text: `${record.failedSuites} test suite(s) failed to load${record.total > 0 ? `; ${record.failed} of ${record.total} tests fail` : ''}`,
        },
        details:
          errors.length > 0
            ? errors.map((e) => ({ file: e.file, message: e.message }))
            : [{ message: `${record.failedSuites} suite(s) could not run: see the coverage-report output` }],
        // The suite's own words: a suite may throw a message of its own at load (a missing E2E_BASE_URL), not only a missing module.
        fix:
          errors.length > 0
            ? `make ${errors[0].file} load: "${errors[0].message.split('\n')[0]}"` + (errors.length > 1 ? ` (and ${errors.length - 1} more suite(s) above)` : '')
            : 'make each suite above load (see the coverage-report output)',
        failsProject: `${record.failedSuites} test suite(s) fail to load`,
        // Held one by one by a baseline: a suite that failed to load before and still does is not
        // worse, nor a test that failed before; a new failing test beside them is.
        items: [...new Set(errors.map((e) => e.file).filter(Boolean)), ...(record.failedTests ?? [])],
        ratchet: { 'failing tests': { value: record.failed, better: 'lower' } },
      };
    }
    if (record.total === 0) {
      return {
        status: 'fail',
        score: 0,
        metric: { value: 0, unit: 'tests', text: 'no tests' },
        details: [{ message: 'the test run found no test' }],
        fix: `add a spec file to ${context.projectRoot} (e.g. ${context.projectRoot}/src/index.spec.ts) that the test runner's pattern matches`,
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
      fix: record.passed ? null : `fix the failing tests (${runCommand(context, testTarget) ?? `nx run ${context.projectName}:${names.coverageReport}`} lists them)`,
      ratchet: { 'failing tests': { value: record.failed, better: 'lower' } },
      // Each failing test, held one by one by a baseline (records written before these were listed have none).
      ...(record.failedTests && record.failedTests.length > 0 ? { items: record.failedTests } : {}),
    };
});
