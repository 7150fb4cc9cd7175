// fixture: {"file": "apps/web/app/editor/editor.tsx"}
'use client';

import dynamic from 'next/dynamic';

const Editor = dynamic(() => import('@monaco-editor/react'), { loading: () => null });
const Chart = dynamic(() => import('recharts').then((mod) => mod.LineChart), { loading: () => null });
export const Panel = () => (
  <div>
    <Editor height="40vh" />
    <Chart width={10} height={10} data={[]} />
  </div>
);
