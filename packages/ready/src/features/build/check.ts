import { kb } from '../../utils/format';
import { nextFigureNote } from './render';
import type { BuildMeasure } from './measure';
import { findNextDir } from './next-output';
import { BuildRun, readBuildRun } from './build-run';
import { AUDIT_RESULT_FILE } from '../audit/files';
import { isReadyError } from '../../utils/errors';
import { targetNames } from '../../core/contracts/defaults';
import { isNextProject, nextConfigPath } from '../../core/workspace/project-facts';
import { detectPackageManager } from '@nx/devkit';
import { Check, CheckContext, CheckOutcome, checkTree, skip } from '../../core/contracts/check';

const buildCommand = (context: CheckContext) => `nx run ${context.projectName}:${targetNames(context.options?.targetNames).build}`;
const buildFailedIn = (context: CheckContext, run: BuildRun) =>
  `the build fails (${buildCommand(context)} exited with ${run.exitCode ?? 'no code'})`;

/**
 * bundle-size, security-audit and build read the project's Next.js build, which ready depends on;
 * one measure serves the three checks of a run. Without a build they skip, naming the command.
 */
const measures = new WeakMap<CheckContext, Promise<BuildMeasure>>();

async function withBuild(
  context: CheckContext,
  read: (m: BuildMeasure) => CheckOutcome,
  failed: (run: BuildRun) => CheckOutcome = (run) => skip(`Nothing to measure: ${buildFailedIn(context, run)}.`, buildCommand(context)),
): Promise<CheckOutcome> {
  if (!isNextProject(checkTree(context), context.projectRoot)) {
    return skip('Not a Next.js app (no next.config.*): no production build to measure.');
  }
  // What is left in .next after a failed build is an older build's, or half of one: never measured.
  const run = context.options?.buildRecorded ? readBuildRun(context.workspaceRoot, context.resultsDir) : null;
  if (run && !run.success) return failed(run);
  let m = measures.get(context);
  if (!m) {
    try {
      findNextDir(context.workspaceRoot, context.projectRoot);
    } catch (error) {
      if (!isReadyError(error)) throw error;
      const build = targetNames(context.options?.targetNames).build;
      return {
        status: 'skip',
        score: 0,
        metric: null,
        details: [{ message: 'No production build yet.' }],
        fix: `nx run ${context.projectName}:${build}`,
      };
    }
    // Loaded when a build is measured: the measure brings the audit and the route-size readers.
    m = import('./measure').then(({ measureBuild }) =>
      measureBuild(
        context.workspaceRoot,
        context.projectName,
        context.projectRoot,
        context.projectGraph ?? { nodes: {}, dependencies: {} },
        {
          budgets: context.options?.budgets,
          maxBuildSeconds: context.options?.maxBuildSeconds,
          auditLevel: context.options?.auditLevel,
          audit: context.options?.audit,
          auditResultPath: `${context.resultsDir}/${AUDIT_RESULT_FILE}`,
        },
      ),
    );
    measures.set(context, m);
  }
  return read(await m);
}

export const bundleSizeCheck: Check = {
  id: 'bundle-size',
  title: 'Route first-load JS within budget',
  defaultWeight: 15,
  run: (context) =>
    withBuild(context, ({ routes }) => {
      // A build whose routes could not be read measured nothing: never a pass.
      if (routes.length === 0)
        return {
          status: 'skip',
          score: 0,
          metric: null,
          details: [{ message: 'The build lists no routes to measure (no app/ or pages/ manifest in .next).' }],
          fix: `nx run ${context.projectName}:${targetNames(context.options?.targetNames).buildProduction}`,
        };
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
        fix: over.length > 0 ? `nx g @plinto/ready:dynamic-import --project=${context.projectName}` : null,
        ratchet: { 'routes over budget': { value: over.length, better: 'lower' } },
        data: {
          routes: routes.map((r) => ({
            route: r.route,
            gzip: r.firstLoadJs.gzip,
            raw: r.firstLoadJs.raw,
            budgetKb: r.budgetKb,
            ...(r.nextFirstLoadJs ? { nextGzip: r.nextFirstLoadJs.gzip } : {}),
          })),
        },
      };
    }),
};

export const securityAuditCheck: Check = {
  id: 'security-audit',
  title: 'No known vulnerabilities in the app’s packages',
  defaultWeight: 10,
  run: (context) =>
    withBuild(context, ({ audit }) => {
      // Nothing the project did: the registry (a mirror, offline) gave no answer. Not scored; the
      // step that measures it is the registry's, named with the file that sets it.
      if (audit.status === 'unavailable') {
        return {
          status: 'skip',
          score: 0,
          metric: null,
          details: [{ message: `audit unavailable: ${audit.reason}` }],
          fix: `point the package manager at a registry that answers audits (registry= in .npmrc, or audit: false in the ready target's options to stop asking)`,
        };
      }
      return {
        status: audit.status === 'fail' ? 'fail' : audit.vulnerabilities.length > 0 ? 'warn' : 'pass',
        score: audit.status === 'fail' ? 0 : audit.vulnerabilities.length > 0 ? 80 : 100,
        metric: {
          value: audit.vulnerabilities.length,
          unit: 'vulnerable packages',
          text: `${audit.vulnerabilities.length} vulnerable of ${audit.packagesInScope} packages`,
        },
        details: audit.vulnerabilities.map((v) => ({ message: `${v.name}: ${v.severity}${v.title ? ` (${v.title})` : ''}` })),
        fix: audit.vulnerabilities.length > 0 ? `${auditFixCommand(context.workspaceRoot)} (or upgrade the packages named above)` : null,
        ratchet: { 'vulnerable packages': { value: audit.vulnerabilities.length, better: 'lower' } },
      };
    }),
};

export const buildCheck: Check = {
  id: 'build',
  title: 'Production build and deployment package',
  defaultWeight: 10,
  run: (context) =>
    withBuild(
      context,
      (m) => {
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
            : {
                value: m.standaloneEntry ? 1 : 0,
                unit: 'standalone',
                text: `${m.standaloneEntry ? 'standalone' : 'not standalone'}; ${time}`,
              },
          details,
          fix: fixes.length === 0 ? null : fixes.join('; '),
        };
      },
      (run) => ({
        status: 'fail',
        score: 0,
        metric: null,
        details: [
          { message: `The production build fails (exit code ${run.exitCode ?? 'none'}):` },
          ...run.error.map((message) => ({ message })),
        ],
        fix: `fix the error above, then ${buildCommand(context)}`,
        failsProject: buildFailedIn(context, run),
      }),
    ),
};

/** The package manager's own command that upgrades vulnerable packages within their ranges. */
function auditFixCommand(workspaceRoot: string): string {
  const pm = detectPackageManager(workspaceRoot);
  if (pm === 'pnpm') return 'pnpm audit --fix';
  if (pm === 'yarn') return 'yarn upgrade-interactive';
  if (pm === 'bun') return 'bun update';
  return 'npm audit fix';
}
