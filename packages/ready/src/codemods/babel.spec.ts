import { childrenOf, importsInsertionAt, namesIn, parseWithBabel, quoteOf, walk } from './babel';

const parsed = (file: string, text: string) => {
  const p = parseWithBabel(file, text);
  if (!p) throw new Error(`${file} does not parse`);
  return p;
};

describe('parseWithBabel', () => {
  it('reads each file as TypeScript reads it: JSX in .tsx and .js, type syntax in .ts and .tsx, a cast in .ts', () => {
    expect(parseWithBabel('a.tsx', 'const A = <T,>(x: T) => <div>{String(x)}</div>;')).not.toBeNull();
    expect(parseWithBabel('a.jsx', 'export const A = () => <img src="/a.png" />;')).not.toBeNull();
    expect(parseWithBabel('a.js', 'export default function A() { return <b />; }')).not.toBeNull();
    expect(parseWithBabel('a.ts', 'const n = <number>value; @sealed class C {}')).not.toBeNull();
  });

  it('is null for a syntax error, for an error Babel could recover from, and for type syntax in a .js file', () => {
    expect(parseWithBabel('a.tsx', 'export const A = () => <div>;')).toBeNull();
    expect(parseWithBabel('a.ts', 'let a = 1; let a = 2;')).toBeNull();
    expect(parseWithBabel('a.js', 'export function f(x: string) { return x; }')).toBeNull();
  });
});

describe('the tree helpers', () => {
  it('visits children in source order, with the directive prologue before the body', () => {
    const p = parsed('a.tsx', "'use client';\nimport a from 'a';\nexport const b = 1;\n");
    expect(childrenOf(p.ast.program).map((n) => n.type)).toEqual(['Directive', 'ImportDeclaration', 'ExportNamedDeclaration']);
    const depths: string[] = [];
    walk(p.ast.program, (node, ancestors) => {
      if (node.type === 'NumericLiteral') depths.push(ancestors.map((a) => a.type).join('>'));
    });
    expect(depths).toEqual(['Program>ExportNamedDeclaration>VariableDeclaration>VariableDeclarator']);
  });

  it('collects every name (JSX ones too, not #private ones) and the quote of the file', () => {
    const p = parsed('a.tsx', 'class C { #Image = 1; }\nexport const Hero = () => <Card.Body title="x" />;\n');
    const names = namesIn(p);
    expect([...names].sort()).toEqual(['Body', 'C', 'Card', 'Hero', 'title']);
    expect(quoteOf(p)).toBe("'");
    expect(quoteOf(parsed('b.tsx', 'const s = "x";'))).toBe('"');
  });

  it('puts imports after the last import, after the directives, or before the first statement', () => {
    const add = (text: string) => {
      const { pos, text: inserted } = importsInsertionAt(parsed('a.tsx', text), ["import X from 'x';"]);
      return text.slice(0, pos) + inserted + text.slice(pos);
    };
    expect(add("import a from 'a';\nconst b = 1;\n")).toBe("import a from 'a';\nimport X from 'x';\nconst b = 1;\n");
    expect(add("'use client';\nconst b = 1;\n")).toBe("'use client';\n\nimport X from 'x';\nconst b = 1;\n");
    expect(add('// header\nconst b = 1;\n')).toBe("// header\nimport X from 'x';\n\nconst b = 1;\n");
    expect(add('// only a comment\n')).toBe("// only a comment\nimport X from 'x';\n");
  });
});
