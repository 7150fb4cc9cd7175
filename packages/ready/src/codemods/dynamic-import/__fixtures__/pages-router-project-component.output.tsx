// fixture: {"file": "apps/web/components/revenue.tsx", "appRouter": false}

import dynamic from 'next/dynamic';

const ResponsiveLine = dynamic(() => import('@nivo/line').then((mod) => mod.ResponsiveLine), { loading: () => null });

export function Revenue({ data }: { data: { id: string; data: { x: number; y: number }[] }[] }) {
  return <ResponsiveLine data={data} />;
}
