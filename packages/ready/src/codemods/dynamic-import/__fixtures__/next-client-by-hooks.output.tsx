// fixture: {"file": "apps/web/app/docs/code-block.tsx"}
import { useState } from 'react';
import { useCopyToClipboard } from '../../lib/use-copy';
import dynamic from 'next/dynamic';

const SyntaxHighlighter = dynamic(() => import('react-syntax-highlighter').then((mod) => mod.Prism), { loading: () => null });

// No 'use client', but it calls hooks: only client modules import it, so it is no Server Component.
export function CodeBlock({ code }: { code: string }) {
  const [open, setOpen] = useState(false);
  const copy = useCopyToClipboard();
  return (
    <div onClick={() => setOpen(!open)}>
      <button onClick={() => copy(code)}>copy</button>
      <SyntaxHighlighter language="tsx">{code}</SyntaxHighlighter>
    </div>
  );
}
