import { readBuildReport, kb } from '../executors/build-production/executor';
import { BuildProductionReport } from '../executors/build-production/lib/types';
import { findNextConfig } from '../utils/next';
import { Check, CheckContext, CheckOutcome } from './types';

/** The three checks that read build-production.json: each skips, naming the target, until it ran. */
function withReport(context: CheckContext, read: (report: BuildProductionReport) => CheckOutcome): CheckOutcome {
  const target = `nx run ${context.projectName}:build-production`;
  if (!findNextConfig(context.workspaceRoot, context.projectRoot)) {
    return { status: 'skip', score: 0, metric: null, details: [{ message: 'Not a Next.js app (no next.config.*): no production build to measure.' }], fix: null };
  }
  const report = readBuildReport(context.workspaceRoot, context.resultsDir);
  if (!report) {
    return { status: 'skip', score: 0, metric: null, details: [{ message: `No production build measured yet (${context.resultsDir}/build-production.json).` }], fix: target };
  }
  return read(report);
}

export const bundleSizeCheck: Check = {
  id: 'bundle-size',
  title: 'Route first-load JS within budget',
  defaultWeight: 15,
  run: (context) =>
    withReport(context, (report) => {
      const over = report.routes.filter((r) => r.overBudget);
      const largest = [...report.routes].sort((a, b) => b.firstLoadJs.gzip - a.firstLoadJs.gzip)[0];
      return {
        status: over.length > 0 ? 'fail' : 'pass',
        score: report.routes.length === 0 ? 100 : Math.round((100 * (report.routes.length - over.length)) / report.routes.length),
        metric: largest
          ? { value: Math.round(largest.firstLoadJs.gzip / 100) / 10, unit: 'kB gzip (largest route)', text: `largest route ${largest.route}: ${kb(largest.firstLoadJs.gzip)} gzip; ${over.length} of ${report.routes.length} over budget` }
          : { value: 0, unit: 'kB gzip', text: 'no routes' },
        details: report.routes.map((r) => ({
          message: `${r.route}: ${kb(r.firstLoadJs.gzip)} gzip (budget ${r.budgetKb} kB)${r.overBudget ? ' OVER BUDGET' : ''}`,
        })),
        fix: over.length > 0 ? `nx g @plinto/ready:dynamic-import --project=${context.projectName}` : null,
      };
    }),
};

export const securityAuditCheck: Check = {
  id: 'security-audit',
  title: 'No known vulnerabilities in the app’s packages',
  defaultWeight: 10,
  run: (context) =>
    withReport(context, ({ audit }) => {
      if (audit.status === 'unavailable') {
        return { status: 'warn', score: 50, metric: null, details: [{ message: `audit unavailable: ${audit.reason}` }], fix: `nx run ${context.projectName}:build-production (with registry access)` };
      }
      return {
        status: audit.status === 'fail' ? 'fail' : audit.vulnerabilities.length > 0 ? 'warn' : 'pass',
        score: audit.status === 'fail' ? 0 : audit.vulnerabilities.length > 0 ? 80 : 100,
        metric: { value: audit.vulnerabilities.length, unit: 'vulnerable packages', text: `${audit.vulnerabilities.length} vulnerable of ${audit.packagesInScope} packages` },
        details: audit.vulnerabilities.map((v) => ({ message: `${v.name}: ${v.severity}${v.title ? ` (${v.title})` : ''}` })),
        fix: audit.vulnerabilities.length > 0 ? 'npm audit fix (or upgrade the packages named above)' : null,
      };
    }),
};

export const buildCheck: Check = {
  id: 'build',
  title: 'Production build and deployment package',
  defaultWeight: 10,
  run: (context) =>
    withReport(context, (report) => {
      const details = [];
      if (report.build.slow) details.push({ message: `next build took ${report.build.seconds} s, over ${report.build.maxSeconds} s` });
      if ('skipped' in report.deployPackage) details.push({ message: `no deployment package: ${report.deployPackage.skipped}` });
      const ok = details.length === 0;
      return {
        status: ok ? 'pass' : 'warn',
        score: 100 - 25 * details.length,
        metric: { value: report.build.seconds ?? 0, unit: 's', text: `build ${report.build.seconds ?? '?'} s${'path' in report.deployPackage ? ', deploy package ready' : ', no deploy package'}` },
        details,
        fix: ok ? null : "add output: 'standalone' to next.config.*, then nx run " + `${context.projectName}:build-production`,
      };
    }),
};
