// fixture: {"file": "apps/web/app/editor/editor.tsx"}
'use client';
import Editor from '@monaco-editor/react';
import { LineChart as Chart } from 'recharts';

export const Panel = () => (
  <div>
    <Editor height="40vh" />
    <Chart width={10} height={10} data={[]} />
  </div>
);
