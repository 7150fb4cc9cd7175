// fixture: {"file": "apps/web/app/docs/snippet.tsx"}
'use client';
import { useState } from 'react';
import dynamic from 'next/dynamic';

const SyntaxHighlighter = dynamic(() => import('react-syntax-highlighter').then((mod) => mod.Prism), { loading: () => null });

export function Snippet({ code }: { code: string }) {
  const [lang] = useState('ts');
  return <SyntaxHighlighter language={lang}>{code}</SyntaxHighlighter>;
}
