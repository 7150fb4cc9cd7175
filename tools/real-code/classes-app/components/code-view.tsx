import SyntaxHighlighter from 'react-syntax-highlighter';

// No 'use client' and no hook: a client module because only client modules import it.
export function CodeView({ code }: { code: string }) {
  return (
    <figure>
      <SyntaxHighlighter language="javascript">{code}</SyntaxHighlighter>
    </figure>
  );
}
