import { COVERAGE_METRICS, CoverageGateReport } from './types';
import { textTable } from '../../utils/format';

const VERDICT = { pass: 'PASS', ratchet: 'HELD', fail: 'FAIL' } as const;

/** The terminal table: metric, value, threshold, baseline, verdict; then what to look at. */
export function renderGateTable(report: CoverageGateReport, maxLines = 20): string {
  const rows = [['metric', 'value', 'threshold', 'baseline', 'verdict']];
  for (const m of COVERAGE_METRICS) {
    const r = report.metrics[m];
    rows.push([
      m,
      `${r.pct} % (${r.covered}/${r.total})`,
      r.threshold === null ? '-' : r.threshold < 0 ? `≤ ${-r.threshold} uncovered` : `${r.threshold} %`,
      r.baseline === null ? '-' : `${r.baseline} %`,
      VERDICT[r.verdict],
    ]);
  }
  const c = report.changedLines;
  if (c) rows.push(['changed lines', `${c.pct} % (${c.covered}/${c.total})`, `${c.threshold} %`, '-', c.verdict === 'pass' ? 'PASS' : 'FAIL']);
  const out = textTable(rows);
  for (const m of COVERAGE_METRICS) {
    if (report.metrics[m].verdict !== 'pass') out.push(`  ${m}: ${report.metrics[m].note}`);
  }
  if (c && c.uncovered.length > 0) {
    out.push(`  uncovered changed lines since ${c.base}:`);
    for (const u of c.uncovered.slice(0, maxLines)) out.push(`    ${u.file}:${u.line} (${u.reason})`);
    if (c.uncovered.length > maxLines) out.push(`    … ${c.uncovered.length - maxLines} more in coverage-gate.json`);
  }
  for (const f of report.perFile.slice(0, maxLines)) out.push(`  ${f.file}: ${f.metric} ${f.pct} % under ${f.threshold} %`);
  if (report.status !== 'pass' && report.leastCovered.length > 0) {
    out.push(`  least covered: ${report.leastCovered.map((f) => `${f.file} (${f.lines} %)`).join(', ')}`);
  }
  const verdict = { pass: 'coverage gate passed', warn: 'coverage gate held by the baseline (under threshold, not dropping)', fail: 'coverage gate failed' }[report.status];
  out.push('', `${report.project}: ${verdict}`);
  return out.join('\n');
}
