import { readJsonIfValid } from '../../utils/json';
import { ExecutorContext } from '@nx/devkit';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDirFor } from '../../core/contracts/results';
import { ReadyError } from '../../utils/errors';
import { kb } from '../../utils/format';
import { writeFilesAtomically } from '../../utils/write-files';
import { AUDIT_LEVELS, AuditResult } from '../../core/contracts/audit';
import { readBuildRun } from './build-run';
import { writeDeployPackage } from './deploy-package';
import { measureBuild } from './measure';
import { BUILD_MANIFEST_FILE, BUILD_PRODUCTION_FILE, DEPLOY_PACKAGE_FILE } from './files';
import { BuildProductionReport } from './types';

export interface BuildProductionOptions {
  outputPath?: string;
  nextDir?: string;
  budgets?: { firstLoadJsKb?: number; routes?: Record<string, number> };
  maxBuildSeconds?: number;
  deployPackage?: boolean;
  /** The plugin's target depends on build-record: the build's recorded outcome is this run's. */
  buildRecorded?: boolean;
}

/**
 * After the production build: route budgets, the scoped audit, the build manifest and the
 * deployment package, written beside the project's other results. `startAudit` is called once the
 * build is known to have succeeded; the audit it starts runs while the package is written.
 */
export async function runBuildProduction(
  options: BuildProductionOptions,
  context: ExecutorContext,
  startAudit: (resultsDir: string) => Promise<AuditResult>,
): Promise<BuildProductionReport> {
  const workspaceRoot = context.root;
  const projectName = context.projectName!;
  const projectRoot = context.projectsConfigurations.projects[projectName].root;
  const outDir = resultsDirFor(projectRoot, options.outputPath);
  const run = options.buildRecorded ? readBuildRun(workspaceRoot, outDir) : null;
  if (run && !run.success) {
    throw new ReadyError(
      `${projectName}: the build fails (nx run ${projectName}:${run.target} exited with ${run.exitCode ?? 'an error'}); nothing to measure:\n` +
        run.error.join('\n'),
    );
  }
  const started = Date.now();
  const pendingAudit = startAudit(outDir);
  const m = measureBuild(workspaceRoot, projectRoot, options);
  const { nextDir, routes, seconds, maxSeconds } = m;

  const failures: string[] = [];
  for (const r of routes.filter((x) => x.overBudget)) {
    const largest = [...r.chunks]
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 3)
      .map((c) => `${c.file} ${kb(c.gzip)}`);
    failures.push(
      `route ${r.route}: first-load JS ${kb(r.firstLoadJs.gzip)} gzip is over its budget of ${r.budgetKb} kB; largest chunks: ${largest.join(', ')}`,
    );
  }
  const slow = seconds !== null && maxSeconds !== null && seconds > maxSeconds;
  if (slow) failures.push(`next build took ${seconds} s (its trace), over maxBuildSeconds ${maxSeconds}`);

  let deployPackage: BuildProductionReport['deployPackage'];
  let fileHashes: Array<{ path: string; sha256: string; bytes: number }> = [];
  const entry = m.standaloneEntry;
  if (options.deployPackage === false) {
    deployPackage = { skipped: 'turned off (deployPackage: false)' };
  } else if (!entry) {
    deployPackage = {
      skipped: `the app is not built with output: 'standalone' (no ${nextDir}/standalone/**/server.js): add output: 'standalone' to next.config.* to get a deployment package`,
    };
  } else {
    const pkg = await writeDeployPackage(workspaceRoot, nextDir, projectRoot, entry, `${outDir}/${DEPLOY_PACKAGE_FILE}`);
    fileHashes = pkg.files;
    deployPackage = { path: pkg.path, entry: pkg.entry, files: pkg.files.length, bytes: pkg.files.reduce((a, f) => a + f.bytes, 0) };
  }
  const audit = await pendingAudit;
  if (audit.status === 'fail') {
    const bad = audit.vulnerabilities.filter((v) => AUDIT_LEVELS.indexOf(v.severity) >= AUDIT_LEVELS.indexOf(audit.level));
    failures.push(
      `security audit: ${bad.length} package(s) at or above "${audit.level}": ${bad.map((v) => `${v.name} (${v.severity})`).join(', ')}`,
    );
  }

  const report: BuildProductionReport = {
    schemaVersion: 1,
    project: projectName,
    projectRoot,
    status: failures.length > 0 ? 'fail' : 'pass',
    generatedAt: new Date().toISOString(),
    nextDir,
    build: { seconds, maxSeconds, slow },
    routes,
    budgets: { firstLoadJsKb: m.budgetKb, routes: m.routeBudgets },
    audit,
    deployPackage,
    failures,
  };
  const manifest = {
    schemaVersion: 1,
    project: projectName,
    version: readVersion(workspaceRoot, projectRoot),
    git: gitState(workspaceRoot),
    builtAt: report.generatedAt,
    node: process.version,
    next: readNextVersion(workspaceRoot, projectRoot),
    buildSeconds: seconds,
    routes: routes.map((r) => ({ route: r.route, router: r.router, firstLoadJs: r.firstLoadJs })),
    package: 'path' in deployPackage ? { path: deployPackage.path, entry: deployPackage.entry, files: fileHashes } : null,
    measuredInMs: Date.now() - started,
  };
  writeFilesAtomically(workspaceRoot, {
    [`${outDir}/${BUILD_PRODUCTION_FILE}`]: JSON.stringify(report, null, 2) + '\n',
    [`${outDir}/${BUILD_MANIFEST_FILE}`]: JSON.stringify(manifest, null, 2) + '\n',
  });
  return report;
}

function readVersion(workspaceRoot: string, projectRoot: string): string | null {
  return readJsonIfValid<{ version?: string }>(join(workspaceRoot, projectRoot, 'package.json'))?.version ?? null;
}

function readNextVersion(workspaceRoot: string, projectRoot: string): string | null {
  for (const dir of [join(workspaceRoot, projectRoot), workspaceRoot]) {
    const pkg = join(dir, 'node_modules', 'next', 'package.json');
    if (existsSync(pkg)) return readJsonIfValid<{ version?: string }>(pkg)?.version ?? null;
  }
  return null;
}

function gitState(workspaceRoot: string): { sha: string | null; dirty: boolean | null } {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const status = execFileSync('git', ['status', '--porcelain'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { sha, dirty: status.trim().length > 0 };
  } catch {
    return { sha: null, dirty: null };
  }
}
