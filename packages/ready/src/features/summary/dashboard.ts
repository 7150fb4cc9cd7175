import { ReadyReport } from '../../core/contracts/report';
import { WorkspaceSummary } from './summary';

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Bar {
  label: string;
  value: number;
  limit: number | null;
  unit: string;
  /** Coverage: under the limit is bad. Sizes: over the limit is bad. */
  higherIsBetter?: boolean;
}

/** A horizontal bar chart in inline SVG: one bar per item, a dashed tick at its limit; red on the wrong side of it. */
function barChart(id: string, title: string, bars: Bar[]): string {
  const row = 26;
  const labelW = 160;
  const chartW = 420;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.limit ?? 0))) * 1.1;
  const x = (v: number) => labelW + (chartW * v) / max;
  const h = bars.length * row + 30;
  const items = bars
    .map((b, i) => {
      const y = 20 + i * row;
      const over = b.limit !== null && (b.higherIsBetter ? b.value < b.limit : b.value > b.limit);
      return [
        `<g class="bar${over ? ' over' : ''}" data-label="${esc(b.label)}" data-value="${b.value}" data-limit="${b.limit ?? ''}">`,
        `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>`,
        `<rect x="${labelW}" y="${y}" width="${Math.max(1, x(b.value) - labelW).toFixed(1)}" height="18" fill="${over ? '#d9534f' : '#4a90d9'}"><title>${esc(`${b.label}: ${b.value} ${b.unit}`)}</title></rect>`,
        b.limit !== null
          ? `<line x1="${x(b.limit).toFixed(1)}" x2="${x(b.limit).toFixed(1)}" y1="${y - 2}" y2="${y + 20}" stroke="#222" stroke-width="2" stroke-dasharray="3,2"/>`
          : '',
        `<text x="${(x(b.value) + 4).toFixed(1)}" y="${y + 14}" class="value">${esc(`${b.value} ${b.unit}`)}${b.limit !== null ? esc(` / ${b.limit}`) : ''}</text>`,
        '</g>',
      ].join('');
    })
    .join('');
  return `<figure class="chart" id="${esc(id)}"><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${labelW + chartW + 140}" height="${h}" role="img" aria-label="${esc(title)}">${items}</svg></figure>`;
}

function routeBars(report: ReadyReport): Bar[] {
  const routes = report.checks.find((c) => c.id === 'bundle-size')?.data?.routes as
    | Array<{ route: string; gzip: number; budgetKb: number }>
    | undefined;
  return (routes ?? []).map((r) => ({ label: r.route, value: Math.round(r.gzip / 100) / 10, limit: r.budgetKb, unit: 'kB' }));
}

function coverageBars(report: ReadyReport): Bar[] {
  const metrics = report.checks.find((c) => c.id === 'coverage')?.data?.metrics as
    | Record<string, { pct: number; threshold: number | null }>
    | undefined;
  return Object.entries(metrics ?? {}).map(([m, v]) => ({
    label: m,
    value: v.pct,
    limit: v.threshold !== null && v.threshold >= 0 ? v.threshold : null,
    unit: '%',
    higherIsBetter: true,
  }));
}

/**
 * dist/ready/index.html: one file, no network (inline CSS and SVG, no script): each project's
 * score and level, the check matrix, and per project the route sizes against their budgets and the
 * coverage against its thresholds.
 */
export function renderDashboard(summary: WorkspaceSummary, reports: ReadyReport[]): string {
  const matrix = [
    '<table id="check-matrix"><thead><tr><th>project</th><th>score</th><th>level</th><th>status</th>',
    ...summary.checkIds.map((id) => `<th>${esc(id)}</th>`),
    '</tr></thead><tbody>',
    ...summary.projects.map(
      (p) =>
        `<tr data-project="${esc(p.project)}"><th scope="row">${esc(p.project)}</th><td class="score">${p.score ?? '–'}</td><td class="level level-${esc(p.level ?? 'none')}">${esc(p.level ?? 'none')}</td><td class="status ${esc(p.status.replace(' ', '-'))}">${esc(p.status)}</td>` +
        summary.checkIds
          .map(
            (id) =>
              `<td class="cell ${esc(p.checks[id] ?? 'none')}" title="${esc(`${id}: ${p.checks[id] ?? 'not run'}`)}">${esc(p.checks[id] ?? '')}</td>`,
          )
          .join('') +
        '</tr>',
    ),
    '</tbody></table>',
  ].join('');
  const charts = reports
    .map((r) => {
      const routes = routeBars(r);
      const coverage = coverageBars(r);
      if (routes.length === 0 && coverage.length === 0) return '';
      return [
        `<section class="project" data-project="${esc(r.project)}"><h2>${esc(r.project)}</h2>`,
        routes.length > 0 ? barChart(`routes-${r.project}`, 'First-load JS by route (gzip kB) vs budget', routes) : '',
        coverage.length > 0 ? barChart(`coverage-${r.project}`, 'Coverage (%) vs threshold', coverage) : '',
        '</section>',
      ].join('');
    })
    .join('');
  const fixes = summary.projects
    .filter((p) => p.fixes.length > 0)
    .map(
      (p) =>
        `<li><strong>${esc(p.project)}</strong>: <span class="headline">${esc(p.headline)}</span><ul>${p.fixes.map((f) => `<li><code>${esc(f)}</code></li>`).join('')}</ul></li>`,
    )
    .join('');
  const coverage = summary.coverage
    ? `<p id="workspace-coverage">Workspace coverage (${summary.coverage.projects} project(s)): lines ${summary.coverage.lines} %, statements ${summary.coverage.statements} %, functions ${summary.coverage.functions} %, branches ${summary.coverage.branches} %</p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Production readiness</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:center}
th[scope=row]{text-align:left}.pass{background:#dff0d8}.warn{background:#fcf8e3}.fail{background:#f2dede}.skip,.none{background:#f5f5f5;color:#888}.waived{background:#e8e0f5}
.not-run{background:#eee}.score{font-weight:bold}.chart svg text{font-size:12px}.chart .value{fill:#333}figure{margin:1rem 0}figcaption{font-weight:bold}
</style></head>
<body>
<h1>Production readiness</h1>
<p>Generated ${esc(summary.generatedAt)} for ${summary.projects.length} project(s).</p>
${coverage}
${matrix}
${charts}
${fixes ? `<h2>What to do</h2><ul id="fixes">${fixes}</ul>` : ''}
</body></html>
`;
}
