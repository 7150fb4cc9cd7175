// fixture: {"file": "apps/web/app/stats/gradient-chart.tsx", "sizes": {"@visx/gradient": 900, "recharts": 98000}, "skips": ["light-module"]}
'use client';
import { LinearGradient } from '@visx/gradient';
import dynamic from 'next/dynamic';

const Treemap = dynamic(() => import('recharts').then((mod) => mod.Treemap), { loading: () => null });

export function GradientChart({ data }: { data: { name: string; size: number }[] }) {
  return (
    <svg>
      <LinearGradient id="fill" from="#fff" to="#000" />
      <Treemap data={data} dataKey="size" />
    </svg>
  );
}
