// fixture: {"file": "apps/web/app/stats/panels.tsx", "skips": ["render-prop", "render-prop", "render-prop"]}
'use client';
import AutoSizer from 'react-virtualized-auto-sizer';
import { ResponsiveLine } from '@nivo/line';
import Editor from '@monaco-editor/react';
import { ThemeContext } from './theme';
import { DataLoader } from '@acme/data';
import { Chart } from 'react-chartjs-2';

export function Trend({ data }: { data: never[] }) {
  return <AutoSizer>{({ width }: { width: number }) => <ResponsiveLine width={width} data={data} />}</AutoSizer>;
}

export function Notes() {
  return <ThemeContext.Consumer>{(theme: string) => <Editor theme={theme} height="40vh" />}</ThemeContext.Consumer>;
}

export function Loaded() {
  return <DataLoader render={(rows: number[]) => <div>{rows.map((r) => <Chart key={r} type="bar" data={{ datasets: [] }} />)}</div>} />;
}
