// fixture: {"file": "apps/web/components/revenue.tsx", "appRouter": true, "skips": ["server-component"]}
import { ResponsiveLine } from '@nivo/line';

export function Revenue({ data }: { data: { id: string; data: { x: number; y: number }[] }[] }) {
  return <ResponsiveLine data={data} />;
}
