// fixture: {"file": "apps/web/app/reports/grid.tsx", "sizes": {"@acme/data-grid": 184000, "@acme/badge": 1800, "clsx": 400}}
'use client';
import { Badge } from '@acme/badge';
import clsx from 'clsx';
import dynamic from 'next/dynamic';

const DataGrid = dynamic(() => import('@acme/data-grid').then((mod) => mod.DataGrid), { loading: () => null });

// Not on the list: the measurement finds @acme/data-grid heavy and splits it; the light badge and a helper called as a function stay.
export function Report({ rows }: { rows: object[] }) {
  return (
    <section className={clsx('report', rows.length === 0 && 'empty')}>
      <Badge>{rows.length}</Badge>
      <DataGrid rows={rows} />
    </section>
  );
}
