import { SmokeReport } from './run-smoke';

const ms = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${n}`);

/** The smoke run as a terminal table: one row per path, then what failed. */
export function renderSmokeTable(report: SmokeReport): string {
  const rows = report.routes.map((r) => [
    r.path,
    r.status === null ? 'none' : String(r.status),
    String(r.bytes),
    ms(r.ttfbMs),
    ms(r.load?.p50Ms),
    ms(r.load?.p95Ms),
    ms(r.load?.p99Ms),
    r.load ? String(r.load.requestsPerSecond) : '–',
    r.load ? String(r.load.errors) : '–',
    r.headerProblems.length === 0 ? 'ok' : `${r.headerProblems.length} missing`,
  ]);
  const head = ['route', 'status', 'bytes', 'ttfb ms', 'p50', 'p95', 'p99', 'req/s', 'errors', 'headers'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [
    `smoke ${report.project}: ${report.status.toUpperCase()} (started with ${report.startedWith}, answering after ${report.bootMs} ms; p95 budget ${report.budgets.p95Ms} ms, error rate ≤ ${report.budgets.maxErrorRate})`,
    line(head),
    ...rows.map(line),
  ];
  for (const n of report.notRequested) out.push(`not requested ${n.route}: ${n.reason}`);
  for (const r of report.routes.filter((x) => x.serverOutput.length > 0))
    out.push(`server output for ${r.path}:`, ...r.serverOutput.map((l) => `  ${l}`));
  if (report.failures.length > 0) out.push('failed:', ...report.failures.map((f) => `  ${f}`));
  return out.join('\n');
}
