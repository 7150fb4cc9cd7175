// fixture: {"file": "libs/ui/src/lib/report.tsx", "framework": "react"}
import { useState, lazy, Suspense } from 'react';

const MonacoEditor = lazy(() => import('@monaco-editor/react'));
const ResponsiveBar = lazy(() => import('@nivo/bar').then((mod) => ({ default: mod.ResponsiveBar })));
// The editor is large: see docs/bundle.md.

export function Report({ code, rows }: { code: string; rows: { id: string; value: number }[] }) {
  const [open, setOpen] = useState(false);
  return (
    <section>
      {open && (
        <Suspense fallback={null}><MonacoEditor
          height="40vh"
          value={code}
        /></Suspense>
      )}
      <Suspense fallback={null}><ResponsiveBar
        data={rows}
        keys={['value']}
      /></Suspense>
      <button onClick={() => setOpen(!open)}>toggle</button>
    </section>
  );
}
