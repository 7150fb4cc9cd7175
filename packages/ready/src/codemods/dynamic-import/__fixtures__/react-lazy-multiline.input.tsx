// fixture: {"file": "libs/ui/src/lib/report.tsx", "framework": "react"}
import { useState } from 'react';
// The editor is large: see docs/bundle.md.
import MonacoEditor from '@monaco-editor/react';
import { ResponsiveBar } from '@nivo/bar';

export function Report({ code, rows }: { code: string; rows: { id: string; value: number }[] }) {
  const [open, setOpen] = useState(false);
  return (
    <section>
      {open && (
        <MonacoEditor
          height="40vh"
          value={code}
        />
      )}
      <ResponsiveBar
        data={rows}
        keys={['value']}
      />
      <button onClick={() => setOpen(!open)}>toggle</button>
    </section>
  );
}
