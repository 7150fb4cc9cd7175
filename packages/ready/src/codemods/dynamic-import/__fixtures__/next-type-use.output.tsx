// fixture: {"file": "apps/web/app/chart/chart.tsx"}
'use client';
import type { ComponentProps } from 'react';
import type { TooltipProps, Treemap as TreemapType } from 'recharts';
import dynamic from 'next/dynamic';

const Treemap = dynamic(() => import('recharts').then((mod) => mod.Treemap), { loading: () => null });

type TreeProps = ComponentProps<typeof TreemapType>;

export const Tree = (props: TreeProps & { tip?: TooltipProps<number, string> }) => <Treemap {...props} />;
