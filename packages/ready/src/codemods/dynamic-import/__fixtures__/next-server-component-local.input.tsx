// fixture: {"file": "apps/web/app/sales/page.tsx", "components": {"apps/web/app/sales/sales-chart": ["SalesChart"]}}
import { SalesChart } from './sales-chart';

export default function SalesPage() {
  return (
    <main>
      <h1>Sales</h1>
      <SalesChart />
    </main>
  );
}
