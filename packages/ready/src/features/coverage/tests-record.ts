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
  /** The suites that could not run (a missing module, a syntax error): file and the first lines of jest's message. */
  suiteErrors?: Array<{ file: string; message: string }>;
  passed: boolean;
  /** Workspace-relative folder of jest's coverage files. */
  coverageDir: string;
  /** Older records carried the time of the run; a time in a task's output changes the hash of every task that reads it. */
  ranAt?: string;
}


export function readTestsRecord(workspaceRoot: string, resultsDir: string): TestsRecord | null {
  const file = posix.join(resultsDir, TESTS_FILE);
  if (!existsSync(join(workspaceRoot, file))) return null;
  return readJsonFile<TestsRecord>(workspaceRoot, file, 'run the coverage-report target again to rewrite it.');
}

export function failingTestsMessage(tests: TestsRecord): string {
  return (
    `${tests.failed} of ${tests.total} test(s) failed` +
    (tests.failedSuites > 0 ? ` and ${tests.failedSuites} test suite(s) did not run` : '') +
    ` in ${tests.projectRoot}: fix the failing tests (see the coverage-report output); coverage is only judged on a passing run.`
  );
}
