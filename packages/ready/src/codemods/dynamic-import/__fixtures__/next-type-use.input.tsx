// fixture: {"file": "apps/web/app/chart/chart.tsx"}
'use client';
import type { ComponentProps } from 'react';
import { Treemap, type TooltipProps } from 'recharts';

type TreeProps = ComponentProps<typeof Treemap>;

export const Tree = (props: TreeProps & { tip?: TooltipProps<number, string> }) => <Treemap {...props} />;
