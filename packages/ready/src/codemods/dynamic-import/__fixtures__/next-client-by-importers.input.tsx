// fixture: {"file": "apps/web/app/docs/code-view.tsx", "appRouter": true, "clientByImporters": true, "sizes": {"@uiw/react-codemirror": 151000}}
import CodeMirror from '@uiw/react-codemirror';

// No 'use client' and no hook: a client module only because every file importing it is one
// (the import graph says so), so splitting the editor out does take it out of the first load.
export function CodeView({ value }: { value: string }) {
  return (
    <section>
      <CodeMirror value={value} height="240px" />
    </section>
  );
}
