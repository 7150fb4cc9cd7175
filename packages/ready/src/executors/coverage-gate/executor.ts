import { ExecutorContext, logger } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { ReadyError, firstLine, isReadyError } from '../../utils/errors';
import { resultsDirFor } from '../../utils/results';
import { writeFilesAtomically } from '../../utils/write-files';
import { changedLinesCoverage } from './lib/changed-lines';
import { evaluateMetrics, evaluatePerFile, leastCovered, overallStatus, round } from './lib/evaluate';
import { readBaseline, readCoverageMap } from './lib/read-coverage';
import { renderGateTable } from './lib/render';
import { jestEnvironment, runJestWithCoverage } from './lib/run-jest';
import { COVERAGE_METRICS, CoverageGateReport } from './lib/types';
import { CoverageGateExecutorSchema } from './schema';

export const BASELINE_FILE = 'coverage-baseline.json';
const DEFAULT_THRESHOLDS = { lines: 80, statements: 80, functions: 80, branches: 80 };

export default async function coverageGateExecutor(
  options: CoverageGateExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  try {
    const report = runGate(options, context);
    logger.info(renderGateTable(report));
    return { success: report.status !== 'fail' };
  } catch (error) {
    if (!isReadyError(error)) throw error;
    logger.error(firstLine(error));
    return { success: false };
  }
}

export function runGate(options: CoverageGateExecutorSchema, context: ExecutorContext): CoverageGateReport {
  const workspaceRoot = context.root;
  const projectName = context.projectName!;
  const projectRoot = context.projectsConfigurations.projects[projectName].root;
  const interpolate = (p: string) => posix.normalize(p.replace(/\{projectRoot\}/g, projectRoot));
  const jestConfig = options.jestConfig ? interpolate(options.jestConfig) : null;
  if (!jestConfig || !existsSync(join(workspaceRoot, jestConfig))) {
    throw new ReadyError(
      `${jestConfig ?? `${projectRoot}/jest.config.ts`} does not exist, so project "${projectName}" has no tests to measure: ` +
        `add jest (nx g @nx/jest:configuration --project=${projectName}), or remove the coverage-gate target.`,
    );
  }
  const coverageDir = interpolate(options.coverageDirectory ?? 'coverage/{projectRoot}');
  const baselineFile = posix.join(projectRoot, BASELINE_FILE);
  // Read the baseline before the (slow) test run, so a broken one fails at once.
  const baseline = options.updateBaseline ? null : readBaseline(workspaceRoot, baselineFile);
  const base = options.base ?? process.env.NX_BASE;

  const testTarget = context.projectsConfigurations.projects[projectName].targets?.[options.testTarget ?? 'test'];
  runJestWithCoverage(workspaceRoot, projectRoot, jestConfig, coverageDir, jestEnvironment(testTarget, jestConfig));
  const coverageFinal = posix.join(coverageDir, 'coverage-final.json');
  const map = readCoverageMap(workspaceRoot, coverageFinal);

  const metrics = evaluateMetrics(map.getCoverageSummary(), {
    workspaceRoot,
    thresholds: { ...DEFAULT_THRESHOLDS, ...options.thresholds },
    baseline,
    tolerance: options.tolerance ?? 0.1,
  });
  const changedLines = base ? changedLinesCoverage(map, workspaceRoot, base, projectRoot, options.changedLines ?? 80) : null;
  const perFile = evaluatePerFile(map, options.perFile, workspaceRoot);
  const report: CoverageGateReport = {
    schemaVersion: 1,
    project: projectName,
    projectRoot,
    status: overallStatus(metrics, changedLines, perFile),
    generatedAt: new Date().toISOString(),
    metrics,
    changedLines,
    perFile,
    leastCovered: leastCovered(map, workspaceRoot),
    coverageFinal,
    baselineFile: options.updateBaseline || baseline ? baselineFile : null,
  };

  const files: Record<string, string> = {
    [`${resultsDirFor(projectRoot, options.outputPath)}/coverage-gate.json`]: JSON.stringify(report, null, 2) + '\n',
  };
  if (options.updateBaseline) {
    const values = Object.fromEntries(COVERAGE_METRICS.map((m) => [m, round(metrics[m].pct)]));
    files[baselineFile] = JSON.stringify({ ...values, updatedAt: report.generatedAt }, null, 2) + '\n';
    logger.info(`Baseline written to ${baselineFile}: commit it so that coverage can only go up from here.`);
  }
  writeFilesAtomically(workspaceRoot, files);
  return report;
}

/** For the `coverage` check and the workspace summary: a project's last gate result, if any. */
export function readGateReport(workspaceRoot: string, resultsDir: string): CoverageGateReport | null {
  const file = join(workspaceRoot, resultsDir, 'coverage-gate.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ReadyError(`${resultsDir}/coverage-gate.json is not valid JSON: run the coverage-gate target again to rewrite it.`);
  }
}
