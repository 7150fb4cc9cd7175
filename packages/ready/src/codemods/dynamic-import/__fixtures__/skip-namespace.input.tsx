// fixture: {"file": "apps/web/app/x/x.tsx", "skips": ["namespace-import"]}
'use client';
import * as Recharts from 'recharts';

export const X = () => <Recharts.LineChart width={1} height={1} data={[]} />;
