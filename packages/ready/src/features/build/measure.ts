import { ProjectGraph } from '@nx/devkit';
import { auditProject, judgeAudit, readRecordedAudit } from '../audit/audit';
import { standaloneEntry } from './deploy-package';
import { buildSeconds, findNextDir, measureRoutes } from './next-output';
import { DEFAULTS } from '../../core/contracts/defaults';
import { AuditLevel, AuditResult } from '../audit/types';
import { RouteSize } from './types';

const KB = 1000;

export interface BuildMeasureOptions {
  budgets?: { firstLoadJsKb?: number; routes?: Record<string, number> };
  maxBuildSeconds?: number;
  auditLevel?: AuditLevel;
  audit?: boolean;
  nextDir?: string;
  /** Workspace-relative path of the result the `security-audit` target recorded, reused when fresh. */
  auditResultPath?: string;
}

export interface BuildMeasure {
  nextDir: string;
  routes: RouteSize[];
  seconds: number | null;
  /** The user's maxBuildSeconds; null when unset, and the build's time is then only reported. */
  maxSeconds: number | null;
  audit: AuditResult;
  /** server.js inside .next/standalone, when the app builds with output: 'standalone'. */
  standaloneEntry: string | null;
  budgetKb: number;
  routeBudgets: Record<string, number>;
}

/** Everything build-production and ready's build checks measure on a finished Next.js build. */
export async function measureBuild(
  workspaceRoot: string,
  projectName: string,
  projectRoot: string,
  graph: ProjectGraph,
  options: BuildMeasureOptions,
): Promise<BuildMeasure> {
  const pending = startMeasure(workspaceRoot, projectName, projectRoot, graph, options);
  return { ...pending, audit: await pending.audit };
}

export interface PendingMeasure extends Omit<BuildMeasure, 'audit'> {
  /** The audit runs in a child process while the rest is measured (and, in build-production, packaged). */
  audit: Promise<AuditResult>;
}

/** Starts the audit, then measures everything else of the build; the audit is awaited by the caller. */
export function startMeasure(
  workspaceRoot: string,
  projectName: string,
  projectRoot: string,
  graph: ProjectGraph,
  options: BuildMeasureOptions,
): PendingMeasure {
  const nextDir = findNextDir(workspaceRoot, projectRoot, options.nextDir);
  const level = options.auditLevel ?? DEFAULTS.auditLevel;
  const audit: Promise<AuditResult> =
    options.audit === false
      ? Promise.resolve({ status: 'unavailable', level, reason: 'turned off (audit: false)', vulnerabilities: [], packagesInScope: 0 })
      : (async () => {
          const recorded = options.auditResultPath ? readRecordedAudit(workspaceRoot, options.auditResultPath) : null;
          return judgeAudit(recorded ?? (await auditProject(workspaceRoot, graph, projectName)), level);
        })();
  const budgetKb = options.budgets?.firstLoadJsKb ?? DEFAULTS.firstLoadJsKb;
  const routeBudgets = options.budgets?.routes ?? {};
  const routes = measureRoutes(workspaceRoot, nextDir).routes.map((r) => {
    const budget = routeBudgets[r.route] ?? budgetKb;
    return { ...r, budgetKb: budget, overBudget: r.firstLoadJs.gzip > budget * KB };
  });
  return {
    nextDir,
    routes,
    seconds: buildSeconds(workspaceRoot, nextDir),
    maxSeconds: options.maxBuildSeconds ?? null,
    audit,
    standaloneEntry: standaloneEntry(workspaceRoot, nextDir, projectRoot),
    budgetKb,
    routeBudgets,
  };
}
