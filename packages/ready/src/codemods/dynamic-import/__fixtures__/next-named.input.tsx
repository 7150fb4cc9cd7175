// fixture: {"file": "apps/web/app/docs/snippet.tsx"}
'use client';
import { useState } from 'react';
import { Prism as SyntaxHighlighter } from 'react-syntax-highlighter';

export function Snippet({ code }: { code: string }) {
  const [lang] = useState('ts');
  return <SyntaxHighlighter language={lang}>{code}</SyntaxHighlighter>;
}
