// fixture: {"file": "apps/web/app/stats/board.tsx", "skips": ["parent-reads-children", "parent-reads-children"], "sources": {"./chart-frame": "import { Children, cloneElement, ReactElement } from 'react';\nexport function ChartFrame({ children }: { children: ReactElement[] }) {\n  return <div>{Children.map(children, (c) => cloneElement(c, { width: 320 }))}</div>;\n}\n", "@/components/card": "export function Card({ children }: { children: React.ReactNode }) {\n  return <section className=\"card\">{children}</section>;\n}\n"}}
'use client';
import { isValidElement, type ReactNode } from 'react';
import { ResponsiveBar } from '@nivo/bar';
import Editor from '@monaco-editor/react';
import { ChartFrame } from './chart-frame';
import { Card } from '@/components/card';
import dynamic from 'next/dynamic';

const Chart = dynamic(() => import('react-chartjs-2').then((mod) => mod.Chart), { loading: () => null });

function Tabs({ children }: { children: ReactNode[] }) {
  return <div>{children.filter((c) => isValidElement(c))[0]}</div>;
}

export function Board({ data }: { data: never[] }) {
  return (
    <Card>
      <ChartFrame>
        <ResponsiveBar data={data} />
      </ChartFrame>
      <Tabs>
        <Editor height="40vh" />
      </Tabs>
      <Chart type="line" data={{ datasets: [] }} />
    </Card>
  );
}
