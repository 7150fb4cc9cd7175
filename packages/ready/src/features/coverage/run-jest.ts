import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ReadyError } from '../../utils/errors';
import { readJsonFile } from '../../utils/json';
import { diskTree } from '../../core/workspace/files';
import { addDevDependencyCommand } from '../../core/workspace/package-manager';
import { runTestProcess } from './test-process';

export interface JestRun {
  numTotalTests: number;
  /** Test files found; 0 means the runner's pattern matched none. */
  numTotalTestSuites?: number;
  /** The pattern that found no test file, as the runner printed it (its testMatch or testRegex line). */
  noTestsPattern?: string | null;
  numFailedTests: number;
  /** Suites that could not run at all (a syntax error, a missing module). */
  numRuntimeErrorTestSuites: number;
  /** Why coverage was not measured although the tests ran (Vitest without its coverage provider), with the install. */
  coverageUnavailable?: { message: string; fix: string };
  /** Per test file: its absolute path, its tests (name and status), and for a file that could not run, jest's message. */
  testResults?: Array<{
    name: string;
    message?: string;
    assertionResults?: Array<{ fullName?: string; title?: string; status?: string }>;
    status?: string;
  }>;
}

/**
 * Runs the project's jest with the coverage reporters the gate reads, into a coverage folder
 * emptied first, so that a stale coverage file can never pass for a fresh one.
 */
export function runJestWithCoverage(
  workspaceRoot: string,
  projectRoot: string,
  jestConfig: string | null,
  coverageDir: string,
  env: NodeJS.ProcessEnv = process.env,
): JestRun {
  let jestBin: string;
  try {
    jestBin = require.resolve('jest/bin/jest', { paths: [join(workspaceRoot, projectRoot), workspaceRoot] });
  } catch {
    throw new ReadyError(
      `jest is not installed in this workspace: install it (${addDevDependencyCommand(diskTree(workspaceRoot), ['jest'], projectRoot)}), then run the coverage gate again.`,
    );
  }
  return runTestProcess(
    { workspaceRoot, coverageDir, cwd: join(workspaceRoot, projectRoot), env, runner: 'jest' },
    (absCoverage, resultsFile) => [
      jestBin,
      // No config: jest's own lookup in the project root (package.json, or its defaults).
      ...(jestConfig ? ['--config', join(workspaceRoot, jestConfig)] : []),
      '--ci',
      '--coverage',
      '--coverageReporters=json',
      '--coverageReporters=json-summary',
      '--coverageReporters=text-summary',
      `--coverageDirectory=${absCoverage}`,
      '--json',
      `--outputFile=${resultsFile}`,
    ],
    ({ status, signal, output, resultsFile }) => {
      // No test file: jest writes no results but names the pattern that matched none. The caller says so in words.
      const plain = stripVTControlCharacters(output);
      if (!existsSync(resultsFile) && /No tests found/.test(plain)) {
        const pattern = /^\s*((?:testMatch|testRegex): \S.*?) - 0 match(?:es)?\s*$/m.exec(plain)?.[1] ?? null;
        return { numTotalTests: 0, numTotalTestSuites: 0, numFailedTests: 0, numRuntimeErrorTestSuites: 0, noTestsPattern: pattern };
      }
      if (!existsSync(resultsFile)) {
        throw new ReadyError(
          `jest did not run for ${jestConfig ?? projectRoot} (exit ${status ?? signal}): see its output above, fix the jest configuration, then run the coverage gate again.`,
        );
      }
      const results = readJsonFile<JestRun>(workspaceRoot, resultsFile, 'run the coverage gate again.');
      results.numRuntimeErrorTestSuites ??= 0;
      return results;
    },
  );
}

/**
 * The environment the project's own test target gives jest. Nx's inferred jest target sets
 * TS_NODE_COMPILER_OPTIONS so that a jest.config.ts/.cts loads under a tsconfig meant for a
 * bundler; without it jest cannot even read the config. Where the test target says nothing, a
 * TypeScript jest config gets the same setting Nx uses.
 */
export function jestEnvironment(
  testTarget: { options?: { env?: Record<string, string> } } | undefined,
  jestConfig: string | null,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...(testTarget?.options?.env ?? {}) };
  if (jestConfig && /\.[cm]?ts$/.test(jestConfig) && env.TS_NODE_COMPILER_OPTIONS === undefined) {
    env.TS_NODE_COMPILER_OPTIONS = JSON.stringify({ moduleResolution: 'node10', module: 'commonjs', customConditions: null });
  }
  return env;
}
