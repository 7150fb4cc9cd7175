// fixture: {"file": "libs/ui/src/lib/stats.tsx", "framework": "react"}
import { useMemo } from 'react';
import { ResponsivePie } from '@nivo/pie';
import Highlighter from 'react-syntax-highlighter';

export function Stats({ rows, code }: { rows: number[]; code: string }) {
  const data = useMemo(() => rows.map((v, i) => ({ id: String(i), value: v })), [rows]);
  return (
    <section>
      <ResponsivePie data={data} />
      <Highlighter>{code}</Highlighter>
    </section>
  );
}
