import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ReadyError } from '../../utils/errors';
import { readJsonFile, readJsonIfValid } from '../../utils/json';
import { diskTree } from '../../core/workspace/files';
import { addDevDependencyCommand } from '../../core/workspace/package-manager';
import { runTestProcess } from './test-process';
import { JestRun } from './run-jest';

/** Vitest could run the tests but not measure coverage: its coverage provider is not installed. */
class MissingCoverageProvider extends ReadyError {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

/** Vitest's JSON reporter: jest's result shape, without the count of suites that could not run. */
type VitestJson = Omit<JestRun, 'numRuntimeErrorTestSuites'> & { numRuntimeErrorTestSuites?: number };

/**
 * Runs the project's Vitest once with coverage into an emptied folder, in the istanbul JSON that
 * coverage-gate reads (`coverage-final.json`, `coverage-summary.json`; both @vitest/coverage-v8 and
 * -istanbul write it), and returns its JSON report in jest's shape.
 */
export function runVitestWithCoverage(
  workspaceRoot: string,
  projectRoot: string,
  vitestConfig: string | null,
  coverageDir: string,
  env: NodeJS.ProcessEnv = process.env,
): JestRun {
  const cwd = join(workspaceRoot, projectRoot);
  let bin: string;
  let version: string | null;
  try {
    const manifest = require.resolve('vitest/package.json', { paths: [cwd, workspaceRoot] });
    bin = join(dirname(manifest), 'vitest.mjs');
    version = readJsonIfValid<{ version?: string }>(manifest)?.version ?? null;
  } catch {
    const add = addDevDependencyCommand(diskTree(workspaceRoot), ['vitest', '@vitest/coverage-v8'], projectRoot);
    throw new ReadyError(`vitest is not installed for ${projectRoot}: install it (${add}), then run again.`);
  }
  const run = (coverage: boolean): JestRun =>
    runTestProcess(
    { workspaceRoot, coverageDir, cwd, env: { ...env, CI: 'true' }, runner: 'vitest' },
    (absCoverage, resultsFile) => [
      bin,
      'run',
      // No config: Vitest's defaults (it needs no config file), rooted at the project.
      ...(vitestConfig ? ['--config', join(workspaceRoot, vitestConfig)] : []),
      '--root',
      cwd,
      ...(coverage
        ? [
            '--coverage.enabled=true',
            '--coverage.reporter=json',
            '--coverage.reporter=json-summary',
            '--coverage.reporter=text-summary',
            `--coverage.reportsDirectory=${absCoverage}`,
          ]
        : ['--coverage.enabled=false']),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${resultsFile}`,
      '--passWithNoTests',
    ],
    ({ status, signal, output, resultsFile }) => {
      const missingProvider = /Cannot find dependency '(@vitest\/coverage-[a-z0-9]+)'|MISSING DEPENDENCY.*?(@vitest\/coverage-[a-z0-9]+)/s.exec(output);
      if (missingProvider) {
        const provider = missingProvider[1] ?? missingProvider[2];
        // The provider must be the installed Vitest's own version: a newer one refuses to load.
        const add = addDevDependencyCommand(diskTree(workspaceRoot), [version ? `${provider}@${version}` : provider], projectRoot);
        throw new MissingCoverageProvider(`Vitest needs ${provider} to measure coverage for ${projectRoot}: install it (${add}), then run again.`, add);
      }
      if (!existsSync(resultsFile)) {
        throw new ReadyError(
          `vitest did not run for ${vitestConfig ?? projectRoot} (exit ${status ?? signal}): see its output above, fix the Vitest configuration, then run again.`,
        );
      }
      const results = readJsonFile<VitestJson>(workspaceRoot, resultsFile, 'run again.');
      // A file that could not load is a failed file with no test in it (jest counts those apart).
      const unloadable = (results.testResults ?? []).filter((t) => t.status === 'failed' && (t.assertionResults?.length ?? 0) === 0).length;
      const include = /^\s*include: (.+)$/m.exec(stripVTControlCharacters(output))?.[1]?.trim();
      return {
        ...results,
        numRuntimeErrorTestSuites: results.numRuntimeErrorTestSuites ?? unloadable,
        noTestsPattern: include ? `include: ${include}` : null,
      };
    },
  );;
  try {
    return run(true);
  } catch (error) {
    if (!(error instanceof MissingCoverageProvider)) throw error;
    // The tests still run, and are judged: only coverage goes unmeasured, with the install that measures it.
    return { ...run(false), coverageUnavailable: { message: error.message, fix: error.fix } };
  }
}
