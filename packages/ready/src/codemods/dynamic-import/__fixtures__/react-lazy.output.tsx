// fixture: {"file": "libs/ui/src/lib/stats.tsx", "framework": "react"}
import { useMemo, lazy, Suspense } from 'react';

const ResponsivePie = lazy(() => import('@nivo/pie').then((mod) => ({ default: mod.ResponsivePie })));
const Highlighter = lazy(() => import('react-syntax-highlighter'));

export function Stats({ rows, code }: { rows: number[]; code: string }) {
  const data = useMemo(() => rows.map((v, i) => ({ id: String(i), value: v })), [rows]);
  return (
    <section>
      <Suspense fallback={null}><ResponsivePie data={data} /></Suspense>
      <Suspense fallback={null}><Highlighter>{code}</Highlighter></Suspense>
    </section>
  );
}
