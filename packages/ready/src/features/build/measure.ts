import { standaloneEntry } from './deploy-package';
import { buildSeconds, findNextDir, measureRoutes } from './next-output';
import { DEFAULTS } from '../../core/contracts/defaults';
import { RouteSize } from './types';

const KB = 1000;

export interface BuildMeasureOptions {
  budgets?: { firstLoadJsKb?: number; routes?: Record<string, number> };
  maxBuildSeconds?: number;
  nextDir?: string;
}

export interface BuildMeasure {
  nextDir: string;
  routes: RouteSize[];
  seconds: number | null;
  /** The user's maxBuildSeconds; null when unset, and the build's time is then only reported. */
  maxSeconds: number | null;
  /** server.js inside .next/standalone, when the app builds with output: 'standalone'. */
  standaloneEntry: string | null;
  budgetKb: number;
  routeBudgets: Record<string, number>;
}

/** Everything build-production and ready's build checks measure on a finished Next.js build. */
export function measureBuild(workspaceRoot: string, projectRoot: string, options: BuildMeasureOptions): BuildMeasure {
  const nextDir = findNextDir(workspaceRoot, projectRoot, options.nextDir);
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
    standaloneEntry: standaloneEntry(workspaceRoot, nextDir, projectRoot),
    budgetKb,
    routeBudgets,
  };
}
