import { kb } from '../../utils/format';
import { isReadyError } from '../../utils/errors';
import { targetNames } from '../../core/contracts/defaults';
import { defineCheck, CheckContext, CheckOutcome, checkTree, perRun, skip, projectArg } from '../../core/contracts/check';
import { isNextProject, nextConfigPath } from '../../core/workspace/project-facts';
import { nextFigureNote } from './render';
import type { BuildMeasure } from './measure';
import { findNextDir } from './next-output';
import { BuildRun, readBuildRun } from './build-run';

const buildCommand = (context: CheckContext) => `nx run ${context.projectName}:${targetNames(context.options?.targetNames).build}`;
const buildFailedIn = (context: CheckContext, run: BuildRun) =>
  `the build fails (${buildCommand(context)} exited with ${run.exitCode ?? 'no code'})`;

/**
 * Why a check that reads the project's Next.js build (which ready depends on) has nothing to
 * measure, as that check's outcome; null when there is a build. A failed build is `failed`'s to
 * judge: what is left in .next after it is an older build's, or half of one, never measured.
 */
export function withoutBuild(
  context: CheckContext,
  failed: (run: BuildRun) => CheckOutcome<never> = (run) =>
    skip(`Nothing to measure: ${buildFailedIn(context, run)}.`, buildCommand(context)),
): CheckOutcome<never> | null {
  if (!isNextProject(checkTree(context), context.projectRoot)) {
    return skip('Not a Next.js app (no next.config.*): no production build to measure.');
  }
  const run = context.options?.buildRecorded ? readBuildRun(context.workspaceRoot, context.resultsDir) : null;
  if (run && !run.success) return failed(run);
  try {
    findNextDir(context.workspaceRoot, context.projectRoot);
  } catch (error) {
    if (!isReadyError(error)) throw error;
    return skip('No production build yet.', buildCommand(context));
  }
  return null;
}

/** The build's measure, once per run for every check that reads it (loaded then: it brings the route-size readers). */
function buildMeasure(context: CheckContext): Promise<BuildMeasure> {
  return perRun(context, 'build-measure', () =>
    import('./measure').then(({ measureBuild }) =>
      measureBuild(context.workspaceRoot, context.projectRoot, {
        budgets: context.options?.budgets,
        maxBuildSeconds: context.options?.maxBuildSeconds,
      }),
    ),
  );
}

/** The routes as ready.json carries them, which the dashboard draws against their budgets. */
export interface BundleSizeData {
  routes: Array<{ route: string; gzip: number; raw: number; budgetKb: number; nextGzip?: number; measuredFrom?: 'html' | 'manifests' }>;
}

export const bundleSizeCheck = defineCheck<BundleSizeData>(
  { id: 'bundle-size', title: 'Route first-load JS within budget', defaultWeight: 15 },
  async (context) => {
    const missing = withoutBuild(context);
    if (missing) return missing;
    const { routes } = await buildMeasure(context);
    // A build whose routes could not be read measured nothing: never a pass.
    if (routes.length === 0)
      return skip(
        'The build lists no routes to measure (no app/ or pages/ manifest in .next).',
        `nx run ${context.projectName}:${targetNames(context.options?.targetNames).buildProduction}`,
      );
    const over = routes.filter((r) => r.overBudget);
    const note = nextFigureNote(routes);
    const largest = [...routes].sort((a, b) => b.firstLoadJs.gzip - a.firstLoadJs.gzip)[0];
    return {
      status: over.length > 0 ? 'fail' : 'pass',
      score: Math.round((100 * (routes.length - over.length)) / routes.length),
      metric: {
        value: Math.round(largest.firstLoadJs.gzip / 100) / 10,
        unit: 'kB gzip (largest route)',
        text: `largest route ${largest.route}: ${kb(largest.firstLoadJs.gzip)} gzip; ${over.length} of ${routes.length} over budget`,
      },
      details: [
        ...routes.map((r) => ({
          message: `${r.route}: ${kb(r.firstLoadJs.gzip)} gzip (budget ${r.budgetKb} kB)${r.overBudget ? ' OVER BUDGET' : ''}`,
        })),
        ...(note ? [{ message: note }] : []),
      ],
      fix: over.length > 0 ? `nx g @plinto/ready:dynamic-import --project=${projectArg(context)}` : null,
      ratchet: { 'routes over budget': { value: over.length, better: 'lower' } },
      data: {
        routes: routes.map((r) => ({
          route: r.route,
          gzip: r.firstLoadJs.gzip,
          raw: r.firstLoadJs.raw,
          budgetKb: r.budgetKb,
          measuredFrom: r.measuredFrom,
          ...(r.nextFirstLoadJs ? { nextGzip: r.nextFirstLoadJs.gzip } : {}),
        })),
      },
    };
  },
);

export const buildCheck = defineCheck(
  { id: 'build', title: 'Production build and deployment package', defaultWeight: 10 },
  async (context) => {
    const missing = withoutBuild(context, (run) => ({
      status: 'fail',
      score: 0,
      metric: null,
      details: [
        { message: `The production build fails (exit code ${run.exitCode ?? 'none'}):` },
        ...run.error.map((message) => ({ message })),
      ],
      fix: `fix the error above, then ${buildCommand(context)}`,
      failsProject: buildFailedIn(context, run),
    }));
    if (missing) return missing;
    const m = await buildMeasure(context);
    const details = [];
    const fixes = [];
    // Judged only against a limit the user set, on the time the build's own trace records (a
    // replayed build replays its trace): never against a default or this machine's load.
    const slow = m.seconds !== null && m.maxSeconds !== null && m.seconds > m.maxSeconds;
    if (slow) {
      details.push({ message: `next build took ${m.seconds} s (its trace), over maxBuildSeconds ${m.maxSeconds}` });
      fixes.push(`speed up the build or raise maxBuildSeconds in the ready target's options`);
    }
    if (!m.standaloneEntry) {
      const config = nextConfigPath(checkTree(context), context.projectRoot) ?? `${context.projectRoot}/next.config.js`;
      details.push({ message: "no deployment package possible: the app is not built with output: 'standalone'" });
      fixes.push(`add output: 'standalone' to ${config}`);
    }
    const time = m.seconds === null ? 'build time unknown (no .next/trace)' : `build ${m.seconds} s`;
    return {
      status: details.length === 0 ? 'pass' : 'warn',
      score: 100 - 25 * details.length,
      metric: slow
        ? { value: m.seconds ?? 0, unit: 's', text: `${time}, over ${m.maxSeconds} s` }
        : { value: m.standaloneEntry ? 1 : 0, unit: 'standalone', text: `${m.standaloneEntry ? 'standalone' : 'not standalone'}; ${time}` },
      details,
      fix: fixes.length === 0 ? null : fixes.join('; '),
    };
  },
);
