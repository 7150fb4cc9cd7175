// fixture: {"file": "apps/web/app/stats/area.tsx", "sizes": {"@tremor/react": 140000, "@monaco-editor/react": 90000, "@acme/ui": 3000}, "skips": ["heavy-parent"]}
'use client';
import { Panel } from '@acme/ui';
import Editor from '@monaco-editor/react';
import dynamic from 'next/dynamic';

const AreaChart = dynamic(() => import('@tremor/react').then((mod) => mod.AreaChart), { loading: () => null });

export function Area({ data }: { data: never[] }) {
  return (
    <AreaChart data={data} index="date" categories={['sales']} customTooltip={() => null}>
      <Editor height="40vh" />
    </AreaChart>
  );
}

export function Code() {
  return (
    <Panel>
      <Editor height="40vh" />
    </Panel>
  );
}
