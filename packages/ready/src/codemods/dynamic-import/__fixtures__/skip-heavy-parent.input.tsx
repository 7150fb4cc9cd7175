// fixture: {"file": "apps/web/app/stats/stats.tsx", "skips": ["heavy-parent", "heavy-parent"]}
'use client';
import { Chart as ChartJs } from 'react-chartjs-2';
import { ResponsiveLine } from '@nivo/line';
import Editor from '@monaco-editor/react';

export function Stats({ data }: { data: never[] }) {
  return (
    <ChartJs type="line" data={{ datasets: [] }}>
      <ResponsiveLine data={data} />
    </ChartJs>
  );
}

export function Notes() {
  return <ChartJs type="bar" data={{ datasets: [] }} fallbackContent={<Editor height="90vh" />} />;
}
