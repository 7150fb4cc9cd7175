import { render } from 'ejs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCommand } from '../../core/contracts/check';
import { ReadyReport } from '../../core/contracts/report';
import { checkData } from './check-data';
import { WorkspaceSummary } from './summary';

/** The page, a template beside this file; everything it prints goes through ejs's escaping. */
const TEMPLATE = join(__dirname, 'files', 'dashboard.html.ejs');

interface Bar {
  label: string;
  value: number;
  limit: number | null;
  unit: string;
  /** Coverage: under the limit is bad. Sizes: over the limit is bad. */
  higherIsBetter?: boolean;
}

/** A bar as the template draws it: its place in the chart, and whether it is on the wrong side of its limit. */
interface PlacedBar extends Bar {
  over: boolean;
  x: number;
  y: number;
  width: string;
  labelX: number;
  textY: number;
  valueX: string;
  limitX: string | null;
}

interface Chart {
  id: string;
  title: string;
  width: number;
  height: number;
  bars: PlacedBar[];
}

const ROW = 26;
const LABEL_WIDTH = 160;
const CHART_WIDTH = 420;

/** A horizontal bar chart: one bar per item, a dashed tick at its limit; red on the wrong side of it. */
function barChart(id: string, title: string, bars: Bar[]): Chart {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.limit ?? 0))) * 1.1;
  const x = (v: number) => LABEL_WIDTH + (CHART_WIDTH * v) / max;
  return {
    id,
    title,
    width: LABEL_WIDTH + CHART_WIDTH + 140,
    height: bars.length * ROW + 30,
    bars: bars.map((b, i) => {
      const y = 20 + i * ROW;
      return {
        ...b,
        over: b.limit !== null && (b.higherIsBetter ? b.value < b.limit : b.value > b.limit),
        x: LABEL_WIDTH,
        y,
        width: Math.max(1, x(b.value) - LABEL_WIDTH).toFixed(1),
        labelX: LABEL_WIDTH - 6,
        textY: y + 14,
        valueX: (x(b.value) + 4).toFixed(1),
        limitX: b.limit !== null ? x(b.limit).toFixed(1) : null,
      };
    }),
  };
}

function routeBars(report: ReadyReport): Bar[] {
  const routes = checkData(report.checks, 'bundle-size')?.routes ?? [];
  return routes.map((r) => ({ label: r.route, value: Math.round(r.gzip / 100) / 10, limit: r.budgetKb, unit: 'kB' }));
}

function coverageBars(report: ReadyReport): Bar[] {
  const metrics = checkData(report.checks, 'coverage')?.metrics;
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
 * score, level and score history, the check matrix (each check's baseline → now where they
 * differ), the projects an earlier run measured (stale once they changed), per project the route
 * sizes against their budgets and the coverage against its thresholds, and what each level requires.
 */
export function renderDashboard(summary: WorkspaceSummary, reports: ReadyReport[], levels: Record<string, string[]> = {}): string {
  const charts = reports
    .map((r) => {
      const routes = routeBars(r);
      const coverage = coverageBars(r);
      return {
        project: r.project,
        charts: [
          ...(routes.length > 0 ? [barChart(`routes-${r.project}`, 'First-load JS by route (gzip kB) vs budget', routes)] : []),
          ...(coverage.length > 0 ? [barChart(`coverage-${r.project}`, 'Coverage (%) vs threshold', coverage)] : []),
        ],
      };
    })
    .filter((p) => p.charts.length > 0);
  const fixes = summary.projects.filter((p) => p.fixes.length > 0);
  // Each project's scores over its runs, oldest first (the last 8): "62 → 71 → 80".
  const history = (project: string) =>
    (summary.history?.[project] ?? [])
      .slice(-8)
      .map((h) => h.score)
      .join(' → ');
  return render(readFileSync(TEMPLATE, 'utf8'), { summary, charts, fixes, isCommand, levels: Object.entries(levels), history });
}
