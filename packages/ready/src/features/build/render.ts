import { kb, textTable } from '../../utils/format';
import { BuildProductionReport } from './types';

/**
 * Why a figure here is above the "First Load JS" Next.js 13–15 print: their column counts the
 * page's own entry only, while the browser also loads the chunks of the layouts above it. Null
 * where no route's figure differs.
 */
export function nextFigureNote(routes: BuildProductionReport['routes']): string | null {
  const differs = routes.filter((r) => r.nextFirstLoadJs && r.nextFirstLoadJs.leavesOut.length > 0);
  if (differs.length === 0) return null;
  const layouts = [...new Set(differs.flatMap((r) => r.nextFirstLoadJs!.leavesOut))];
  return (
    `Next's own "First Load JS" is lower (${differs.map((r) => `${r.route} ${kb(r.nextFirstLoadJs!.gzip)}`).join(', ')}): ` +
    `it leaves out the chunks of the layouts above each page (${layouts.join(', ')}), which the browser loads with the page; the figures above count them.`
  );
}

export function renderBuildTable(report: BuildProductionReport): string {
  const rows = [['route', 'router', 'first-load JS (gzip)', 'raw', 'budget', 'verdict']];
  for (const r of report.routes) {
    rows.push([r.route, r.router, kb(r.firstLoadJs.gzip), kb(r.firstLoadJs.raw), `${r.budgetKb} kB`, r.overBudget ? 'OVER' : 'ok']);
  }
  const out = textTable(rows);
  const note = nextFigureNote(report.routes);
  if (note) out.push(note);
  const polyfills = report.routes[0]?.polyfills;
  if (polyfills && polyfills.gzip > 0) out.push(`(+ ${kb(polyfills.gzip)} of noModule polyfills, for legacy browsers only)`);
  out.push(
    `build: ${report.build.seconds === null ? 'time unknown (no .next/trace)' : `${report.build.seconds} s (its trace)`}${report.build.maxSeconds === null ? '' : ` (max ${report.build.maxSeconds} s)`}`,
  );
  const a = report.audit;
  out.push(
    a.status === 'unavailable'
      ? `security audit: unavailable (${a.reason})`
      : `security audit: ${a.vulnerabilities.length} vulnerable package(s) among ${a.packagesInScope} in scope; ${a.status === 'fail' ? 'FAIL' : 'ok'} at level "${a.level}"`,
  );
  out.push(
    'path' in report.deployPackage
      ? `deploy package: ${report.deployPackage.path} (${report.deployPackage.files} files; start with node ${report.deployPackage.entry})`
      : `deploy package: skipped: ${report.deployPackage.skipped}`,
  );
  for (const f of report.failures) out.push(`FAIL ${f}`);
  out.push('', `${report.project}: build-production ${report.status === 'pass' ? 'passed' : 'failed'}`);
  return out.join('\n');
}
