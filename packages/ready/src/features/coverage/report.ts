import { ProjectConfiguration } from '@nx/devkit';
import { existsSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { DEFAULT_TARGET_NAMES } from '../../core/contracts/defaults';
import { resultsDirFor } from '../../core/contracts/results';
import { ReadyError, isReadyError } from '../../utils/errors';
import { writeFilesAtomically } from '../../utils/write-files';
import { JestRun, jestEnvironment, runJestWithCoverage } from './run-jest';
import { portableCoverageFiles } from './read-coverage';
import { runVitestWithCoverage } from './run-vitest';
import { TESTS_FILE } from './files';
import { TestsRecord } from './tests-record';

export interface CoverageReportOptions {
  /** The test runner; by default vitest when vitestConfig is set, else jest. */
  runner?: 'jest' | 'vitest';
  /** Workspace-relative jest config (Nx has already put the project root in for `{projectRoot}`). */
  jestConfig?: string;
  /** Workspace-relative Vitest config (`vitest.config.*`, or a `vite.config.*` with a `test` section). */
  vitestConfig?: string;
  testTarget?: string;
  outputPath?: string;
  coverageDirectory?: string;
}

/**
 * Runs the project's jest with coverage and records the outcome (tests.json beside jest's coverage
 * files). Failing tests are recorded, not thrown: coverage-gate fails on them and ready reports them,
 * so that one failing test never hides the rest of a project's readiness report.
 */
export function runCoverageReport(workspaceRoot: string, project: ProjectConfiguration & { name: string }, options: CoverageReportOptions): TestsRecord {
  const coverageDir = posix.normalize(options.coverageDirectory ?? `coverage/${project.root}`);
  let record: TestsRecord;
  try {
    record = measureTests(workspaceRoot, project, options, coverageDir);
  } catch (error) {
    if (!isReadyError(error)) throw error;
    // What stopped the run is the finding: recorded like a failing test, and the target succeeds.
    record = {
      schemaVersion: 1,
      project: project.name,
      projectRoot: project.root,
      total: 0,
      failed: 0,
      failedSuites: 0,
      passed: false,
      coverageDir,
      error: error.message,
    };
  }
  writeFilesAtomically(workspaceRoot, { [`${resultsDirFor(project.root, options.outputPath)}/${TESTS_FILE}`]: JSON.stringify(record, null, 2) + '\n' });
  return record;
}

function measureTests(
  workspaceRoot: string,
  project: ProjectConfiguration & { name: string },
  options: CoverageReportOptions,
  coverageDir: string,
): TestsRecord {
  const runner = options.runner ?? (options.vitestConfig ? 'vitest' : 'jest');
  const config = runner === 'vitest' ? options.vitestConfig : options.jestConfig;
  const testConfig = config ? posix.normalize(config) : null;
  // No config: the runner on its defaults in the project root (zero-config Vitest, jest without a file).
  if (testConfig !== null && !existsSync(join(workspaceRoot, testConfig))) {
    throw new ReadyError(
      `${testConfig} does not exist, so project "${project.name}" has no tests to measure: ` +
        `add a jest or vitest config to the project, or remove the coverage targets.`,
    );
  }
  const testTarget = project.targets?.[options.testTarget ?? DEFAULT_TARGET_NAMES.test];
  const run =
    runner === 'vitest'
      ? runVitestWithCoverage(workspaceRoot, project.root, testConfig, coverageDir, { ...process.env, ...(testTarget?.options?.env ?? {}) })
      : runJestWithCoverage(workspaceRoot, project.root, testConfig, coverageDir, jestEnvironment(testTarget, testConfig));
  // A config whose pattern finds no test file: the configuration is fine, the project has no test.
  if ((run.numTotalTestSuites ?? (run.testResults ?? []).length) === 0 && run.numTotalTests === 0) {
    throw new ReadyError(
      `no tests found in ${project.name} (${runner} ${run.noTestsPattern ?? (testConfig ? `config ${testConfig}` : 'defaults')}): add a spec or remove the target.`,
    );
  }
  const record: TestsRecord = {
    schemaVersion: 1,
    project: project.name,
    projectRoot: project.root,
    total: run.numTotalTests,
    failed: run.numFailedTests,
    failedSuites: run.numRuntimeErrorTestSuites,
    failedTests: failedTestNames(workspaceRoot, run),
    suiteErrors: suiteErrors(workspaceRoot, run),
    passed: run.numFailedTests === 0 && run.numRuntimeErrorTestSuites === 0,
    coverageDir,
    ...(run.coverageUnavailable ? { coverageError: run.coverageUnavailable } : {}),
  };
  portableCoverageFiles(workspaceRoot, coverageDir);
  return record;
}

/** Every failing test as "<workspace-relative file> › <full name>", sorted and unique (jest's and Vitest's JSON alike). */
export function failedTestNames(workspaceRoot: string, run: JestRun): string[] {
  const names = new Set<string>();
  for (const t of run.testResults ?? []) {
    const file = relative(workspaceRoot, t.name).replace(/\\/g, '/');
    for (const a of t.assertionResults ?? []) if (a.status === 'failed') names.add(`${file} › ${a.fullName ?? a.title ?? '(unnamed test)'}`);
  }
  return [...names].sort();
}

/** The suites jest could not run, each with the first lines of its message (colours and stack frames stripped). */
export function suiteErrors(workspaceRoot: string, run: JestRun): Array<{ file: string; message: string }> {
  return (run.testResults ?? [])
    .filter((t) => t.status === 'failed' && (t.assertionResults?.length ?? 0) === 0 && t.message)
    .map((t) => ({
      file: relative(workspaceRoot, t.name).replace(/\\/g, '/'),
      message: stripVTControlCharacters(t.message!)
        .split('\n')
        .map((l) => l.trimEnd())
        // The message, not the test runner's stack frames under it.
        .filter((l) => l.trim() !== '' && !/^\s*at .+:\d+:\d+\)?$/.test(l))
        .slice(0, 6)
        .join('\n'),
    }));
}
