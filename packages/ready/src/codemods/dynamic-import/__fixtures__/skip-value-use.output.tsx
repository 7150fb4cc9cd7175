// fixture: {"file": "apps/web/app/x/x.tsx", "skips": ["value-use"]}
'use client';
import { LineChart, registerable } from 'recharts';

const charts = [LineChart];
export const X = () => <LineChart width={1} height={1} data={[]} />;
export { charts, registerable };
