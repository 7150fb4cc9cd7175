import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';
import { createCodemodProject } from './project';
import { plainParse } from './parse';
import { removeStatements } from './remove-statements';

/** ts-morph's own removal of the same imports, last first: what removeStatements must equal. */
function tsMorphRemoval(file: string, text: string, indexes: number[]): string {
  const project = createCodemodProject();
  const sf = project.createSourceFile(file, text);
  const statements = sf.getStatements();
  for (const i of [...indexes].sort((a, b) => b - a)) statements[i].remove();
  return sf.getFullText();
}

/** Every codemod fixture's source, in shapes that move the spacing around its imports. */
function cases(): Array<{ name: string; file: string; text: string }> {
  const dirs = ['dynamic-import', 'next-image', 'env'].map((d) => join(__dirname, d, '__fixtures__'));
  const shapes: Record<string, (t: string) => string> = {
    as: (t) => t,
    crlf: (t) => t.replace(/\n/g, '\r\n'),
    'blank lines': (t) => t.replace(/;\n/g, ';\n\n'),
    'trailing spaces': (t) => t.replace(/;\n/g, ';  \n'),
    'no semicolons': (t) => t.replace(/^(import [^\n]*);$/gm, '$1'),
    'no header': (t) => t.replace(/^\/\/[^\n]*\n/, ''),
    'no final newline': (t) => t.replace(/^\/\/[^\n]*\n/, '').replace(/\n+$/, ''),
    'function first': (t) => t.replace(/^\/\/[^\n]*\n/, '').replace(/^(import [^\n]*\n)/m, 'function helper() {}\n$1'),
    'interface between': (t) => t.replace(/^(import [^\n]*\n)/m, '$1interface I { a: 1 }\n'),
    'class and enum first': (t) => t.replace(/^(import [^\n]*\n)/m, 'enum E { A }\nclass C {}\n$1'),
    indented: (t) => t.replace(/^(import [^\n]*\n)/m, '\t$1'),
    commented: (t) => t.replace(/^(import [^\n]*)$/m, '// note\n$1 // why'),
  };
  const out = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.input.tsx') || f.endsWith('.input.ts'))) {
      const source = readFileSync(join(dir, name), 'utf8');
      for (const [shape, make] of Object.entries(shapes))
        out.push({ name: `${name} (${shape})`, file: name.endsWith('.tsx') ? 'a.tsx' : 'a.ts', text: make(source) });
    }
  }
  return out;
}

describe('removeStatements', () => {
  it('removes imports spaced exactly as ts-morph removes them, or leaves the file to ts-morph', () => {
    let compared = 0;
    let declined = 0;
    const differences: string[] = [];
    for (const c of cases()) {
      const imports = plainParse(c.file, c.text)
        .statements.map((s, i) => (ts.isImportDeclaration(s) ? i : -1))
        .filter((i) => i >= 0);
      const sets = [...imports.map((i) => [i]), ...imports.slice(1).map((i, k) => [imports[k], i])];
      if (imports.length > 2) sets.push([imports[0], imports[2]]);
      for (const set of sets) {
        const ours = removeStatements(c.file, c.text, set);
        if (ours === null) {
          declined++;
          continue;
        }
        compared++;
        if (ours !== tsMorphRemoval(c.file, c.text, set)) differences.push(`${c.name}: imports ${set.join(', ')}`);
      }
    }
    expect(differences).toEqual([]);
    // Both paths are taken: the comparison covers the plain one, and comments go to ts-morph.
    expect(compared).toBeGreaterThan(500);
    expect(declined).toBeGreaterThan(50);
  });

  it('leaves comments around an import, and statements other than imports, to ts-morph', () => {
    expect(removeStatements('a.ts', "// why\nimport a from 'a';\nexport const b = a;\n", [0])).toBeNull();
    expect(removeStatements('a.ts', "import a from 'a'; // why\nexport const b = a;\n", [0])).toBeNull();
    expect(removeStatements('a.ts', "import a from 'a';\n/** doc */\nexport const b = a;\n", [0])).toBeNull();
    expect(removeStatements('a.ts', "import a from 'a';\nexport const b = a;\nconst c = 1;\n", [1])).toBeNull();
    expect(removeStatements('a.ts', "'use client';\nimport a from 'a';\n\nexport const b = 1;\n", [1])).toBe(
      "'use client';\nexport const b = 1;\n",
    );
  });
});
