import { Identifier, Node, Project } from 'ts-morph';
import { importReferences } from './references';

/**
 * The scope walk against the language service's own findReferences (the oracle it replaces), on
 * files written to hit each way a name can be shadowed, named without being used, or used.
 */
const CASES: Record<string, string> = {
  'jsx, types, re-export': `import Chart, { Legend as L } from 'charts';
export { Chart as C };
type P = React.ComponentProps<typeof Chart>;
const x: typeof L = L;
export default function Page() { return <Chart><L /></Chart>; }`,
  'shadowed by parameters, destructuring, defaults': `import { Chart } from 'charts';
function a(Chart: number) { return Chart + 1; }
const b = ({ Chart }: { Chart: unknown }) => Chart;
const c = ([, Chart]: unknown[]) => Chart;
const d = (x = Chart) => x;
function e({ a: Chart }: { a: string }) { return Chart; }
export const f = () => <Chart />;`,
  'shadowed by blocks, var hoisting, catch, loops, function and class names': `import Chart from 'charts';
{ const Chart = 1; console.log(Chart); }
function g() { if (true) { var Chart = 2; } return Chart; }
try { } catch (Chart) { console.log(Chart); }
for (const Chart of [1]) console.log(Chart);
for (let i = 0, Chart = 0; i < 1; i++) console.log(Chart);
function h() { function Chart() {} return Chart; }
function k() { class Chart {} return new Chart(); }
const n = function Chart() { return Chart; };
switch (1) { case 1: { const Chart = 3; console.log(Chart); } }
export const m = () => <Chart />;`,
  'names that are not uses: members, properties, attributes, labels, intrinsic tags': `import { chart, Chart } from 'charts';
const o = { Chart: 1, chart: 2 };
o.Chart; o.chart;
class K { Chart = 1; chart() {} get Chart2() { return 1; } }
interface I { Chart: string; chart(): void }
const el = <div Chart="x"><chart /></div>;
Chart: for (;;) { break Chart; }
const { Chart: renamed } = o;
export const q = () => <Chart />;`,
  'types and values apart: an inner type does not shadow a value, an inner const does not shadow a type': `import { Chart } from 'charts';
function r() { type Chart = string; const s: Chart = ''; return <Chart />; }
function t() { const Chart = 1; let u: Chart; return Chart; }
function v<Chart>(w: Chart) { return w; }
export const y = { Chart };`,
};

describe('importReferences: a scope walk that finds what findReferences finds', () => {
  it.each(Object.entries(CASES))('%s', (_, text) => {
    const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { jsx: 4 /* react-jsx */ } });
    project.createSourceFile(
      '/node_modules/charts/index.d.ts',
      'export declare const chart: any; export declare class Chart { props: unknown } export declare const Legend: any; declare const d: any; export default d;',
    );
    const file = project.createSourceFile('/app/page.tsx', text);
    for (const decl of file.getImportDeclarations()) {
      const names = [decl.getDefaultImport(), ...decl.getNamedImports().map((n) => n.getAliasNode() ?? n.getNameNode())].filter(
        (n): n is Identifier => n !== undefined && Node.isIdentifier(n),
      );
      for (const binding of names) {
        const where = (nodes: { getStartLineNumber(): number; getStart(): number }[]) =>
          nodes.map((n) => `${n.getStartLineNumber()}:${n.getStart()}`).sort();
        // The oracle also lists the alias of `export { Chart as C }` (the same symbol, renamed); the
        // codemod asks about the uses of its own name, and sees the re-export by `Chart` there.
        const oracle = binding
          .findReferencesAsNodes()
          .filter((n) => n.getSourceFile() === file && n !== binding && n.getText() === binding.getText());
        expect({ binding: binding.getText(), refs: where(importReferences(file, binding)) }).toEqual({
          binding: binding.getText(),
          refs: where(oracle),
        });
      }
    }
  });
});
