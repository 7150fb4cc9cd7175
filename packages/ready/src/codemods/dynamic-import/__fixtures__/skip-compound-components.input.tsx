// fixture: {"file": "apps/web/app/dashboard/sales.tsx", "skips": ["compound-components"]}
'use client';
import { LineChart, Line, XAxis } from 'recharts';
import { useState } from 'react';

export function Sales({ data }: { data: { m: string; v: number }[] }) {
  const [open] = useState(true);
  return open ? (
    <LineChart width={600} height={300} data={data}>
      <XAxis dataKey="m" />
      <Line dataKey="v" />
    </LineChart>
  ) : null;
}
