/** dynamic-import on the real app with a real heavy package (recharts): its chunks leave the route's first load. */
import { APP, APP_ROOT, commitAll, readWsFile, readWsJson, resetWorkspace, run, runOk, sh, writeWsFile } from './harness';

const SALES_CHART = `'use client';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

const data = [
  { month: 'Jan', total: 120 },
  { month: 'Feb', total: 180 },
  { month: 'Mar', total: 150 },
];

export function SalesChart() {
  return (
    <LineChart width={600} height={300} data={data}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="month" />
      <YAxis />
      <Tooltip />
      <Line type="monotone" dataKey="total" />
    </LineChart>
  );
}
`;

const SALES_PANEL = `'use client';
import { useState } from 'react';
import { SalesChart } from './sales-chart';

export function SalesPanel() {
  const [show] = useState(true);
  return <section>{show && <SalesChart />}</section>;
}
`;

const SALES_PAGE = `import { SalesPanel } from './sales-panel';

export default function SalesPage() {
  return (
    <main>
      <h1>Sales</h1>
      <SalesPanel />
    </main>
  );
}
`;

describe('dynamic-import', () => {
  beforeAll(() => {
    resetWorkspace();
    runOk('npm i recharts@2.15.4 --no-audit --no-fund');
    writeWsFile(`${APP_ROOT}/app/sales/sales-chart.tsx`, SALES_CHART);
    writeWsFile(`${APP_ROOT}/app/sales/sales-panel.tsx`, SALES_PANEL);
    writeWsFile(`${APP_ROOT}/app/sales/page.tsx`, SALES_PAGE);
    commitAll('a sales page with a recharts chart');
  });
  afterAll(() => resetWorkspace());

  const salesRoute = () => readWsJson(`dist/ready/${APP_ROOT}/build-production.json`).routes.find((r: any) => r.route === '/sales');
  let before = 0;

  it('measures the route with recharts in its first load: over the 200 kB budget', () => {
    const r = run(`npx nx run ${APP}:build-production --skip-nx-cache`);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/FAIL route \/sales: first-load JS [\d.]+ kB gzip is over its budget of 200 kB/);
    before = salesRoute().firstLoadJs.gzip;
    expect(before).toBeGreaterThan(200_000);
  });

  const command = `npx nx g @plinto/ready:dynamic-import --project=${APP} --components=app/sales/sales-chart.tsx#SalesChart --ssr=false`;

  it('--dry-run writes nothing; the run splits the named component in the client file, leaves the compound chart file alone, shows the before figure', () => {
    runOk(`${command} --dry-run`);
    expect(sh('git status --porcelain')).toBe('');
    const r = runOk(command);
    expect(r.output).toContain(
      `converted ${APP_ROOT}/app/sales/sales-panel.tsx:3: SalesChart from ./sales-chart → next/dynamic (ssr: false)`,
    );
    // recharts is installed: its weight is measured (esbuild, gzip) and reported with the decision.
    expect(r.output).toMatch(/skipped\s+apps\/web\/app\/sales\/sales-chart\.tsx:\d+: recharts \([\d.]+ kB gzip\): compound components/);
    expect(r.output).toMatch(/before: \/sales [\d.]+ kB gzip first-load JS/);
    // After writing, the generator rebuilds through build-production and prints before → after.
    expect(r.output).toMatch(/\/sales: [\d.]+ kB → [\d.]+ kB \(-[\d.]+ kB\)/);
    expect(readWsFile(`${APP_ROOT}/app/sales/sales-panel.tsx`)).toMatch(
      /const SalesChart = dynamic\(\s*\(\) => import\('\.\/sales-chart'\)\.then\(\(mod\) => mod\.SalesChart\),\s*\{ loading: \(\) => null, ssr: false \},?\s*\);/,
    );
    expect(readWsFile(`${APP_ROOT}/app/sales/sales-chart.tsx`)).toBe(SALES_CHART);
    commitAll('dynamic-import');
  });

  it('nx build passes and the chart library leaves the route first load, back under budget', () => {
    runOk(`npx nx run ${APP}:build-production --skip-nx-cache`);
    const after = salesRoute().firstLoadJs.gzip;
    // recharts and its d3 dependencies are well over 30 kB gzip.
    expect(after).toBeLessThan(before - 30_000);
  });

  it('a second run changes nothing', () => {
    sh('git add -A');
    runOk(command);
    expect(sh('git diff --name-only').trim()).toBe('');
  });

  it('runs as an Nx migration with the same codemod', () => {
    writeWsFile(
      `${APP_ROOT}/app/tree/tree-map.tsx`,
      "'use client';\nimport { Treemap } from 'recharts';\n\nexport const TreeMap = () => <Treemap width={400} height={200} data={[]} dataKey=\"size\" />;\n",
    );
    writeWsFile(
      'migrations.json',
      JSON.stringify({ migrations: [{ package: '@plinto/ready', name: 'split-heavy-imports', version: '0.3.0' }] }),
    );
    const r = runOk('npx nx migrate --run-migrations=migrations.json', { env: { NX_MIGRATE_USE_LOCAL: 'true' } });
    expect(r.output).toContain('split-heavy-imports');
    expect(readWsFile(`${APP_ROOT}/app/tree/tree-map.tsx`)).toMatch(/const Treemap = dynamic\(/);
  });
});
