'use client';
import { CodeBlock } from './code-block';
import { CodeView } from './code-view';

export function CodePanel({ code }: { code: string }) {
  return (
    <section>
      <CodeBlock code={code} />
      <CodeView code={code} />
    </section>
  );
}
