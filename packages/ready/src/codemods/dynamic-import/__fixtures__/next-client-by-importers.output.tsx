// fixture: {"file": "apps/web/app/docs/code-view.tsx", "appRouter": true, "clientByImporters": true, "sizes": {"@uiw/react-codemirror": 151000}}
// No 'use client' and no hook: a client module only because every file importing it is one
// (the import graph says so), so splitting the editor out does take it out of the first load.
import dynamic from 'next/dynamic';

const CodeMirror = dynamic(() => import('@uiw/react-codemirror'), { loading: () => null });

export function CodeView({ value }: { value: string }) {
  return (
    <section>
      <CodeMirror value={value} height="240px" />
    </section>
  );
}
