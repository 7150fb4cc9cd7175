// fixture: {"file": "apps/web/app/sales/page.tsx", "components": {"apps/web/app/sales/sales-chart": ["SalesChart"]}}

import dynamic from 'next/dynamic';

const SalesChart = dynamic(() => import('./sales-chart').then((mod) => mod.SalesChart), { loading: () => null });

export default function SalesPage() {
  return (
    <main>
      <h1>Sales</h1>
      <SalesChart />
    </main>
  );
}
