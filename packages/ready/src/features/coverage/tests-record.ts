import { readJsonFile } from '../../utils/json';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { TESTS_FILE } from './files';

/** tests.json: what the coverage-report target's test run found, read by coverage-gate and ready. */
export interface TestsRecord {
  schemaVersion: 1;
  project: string;
  projectRoot: string;
  total: number;
  failed: number;
  failedSuites: number;
  /** The tests that failed, each as "<file> › <full name>", sorted: a baseline holds them one by one. */
  failedTests?: string[];
  /** The suites that could not run (a missing module, a syntax error): file and the first lines of jest's message. */
  suiteErrors?: Array<{ file: string; message: string }>;
  passed: boolean;
  /** Workspace-relative folder of jest's coverage files. */
  coverageDir: string;
  /**
   * Why the tests could not be run or measured (no test found, the runner or its coverage provider
   * not installed, a config that does not load), with what fixes it: recorded, not thrown, so the
   * project is still reported and ready judges the record.
   */
  error?: string;
  /** The tests ran, and coverage could not be measured (a missing coverage provider), with the install that fixes it. */
  coverageError?: { message: string; fix: string };
  /** Older records carried the time of the run; a time in a task's output changes the hash of every task that reads it. */
  ranAt?: string;
}


export function readTestsRecord(workspaceRoot: string, resultsDir: string): TestsRecord | null {
  const file = posix.join(resultsDir, TESTS_FILE);
  if (!existsSync(join(workspaceRoot, file))) return null;
  return readJsonFile<TestsRecord>(workspaceRoot, file, 'run the coverage-report target again to rewrite it.');
}

export function failingTestsMessage(tests: TestsRecord): string {
  if (tests.error) return `the tests of ${tests.projectRoot} could not be measured: ${tests.error}`;
  if (tests.failed === 0 && tests.failedSuites > 0) {
    return `${tests.failedSuites} test suite(s) of ${tests.projectRoot} failed to load: fix them (see the coverage-report output); coverage is only judged on a passing run.`;
  }
  return (
    `${tests.failed} of ${tests.total} test(s) failed` +
    (tests.failedSuites > 0 ? ` and ${tests.failedSuites} test suite(s) did not run` : '') +
    ` in ${tests.projectRoot}: fix the failing tests (see the coverage-report output); coverage is only judged on a passing run.`
  );
}
