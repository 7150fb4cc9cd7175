// fixture: {"file": "apps/web/app/x/x.tsx", "skips": ["re-export"]}
'use client';
import { LineChart } from 'recharts';

export const X = () => <LineChart width={1} height={1} data={[]} />;
export { LineChart };
