// fixture: {"file": "apps/web/app/page.tsx", "skips": ["server-component"]}
import { LineChart } from 'recharts';

export default function Page() {
  return <LineChart width={1} height={1} data={[]} />;
}
