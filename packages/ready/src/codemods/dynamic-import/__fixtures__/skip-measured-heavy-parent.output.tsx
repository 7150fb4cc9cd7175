// fixture: {"file": "apps/web/app/stats/area.tsx", "sizes": {"@tremor/react": 140000, "@monaco-editor/react": 90000, "@acme/ui": 3000}, "skips": ["heavy-parent"]}
'use client';
import { AreaChart } from '@tremor/react';
import { Panel } from '@acme/ui';
import Editor from '@monaco-editor/react';

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
