import { Tree, addProjectConfiguration } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The virtual workspaces the generator specs and the migration specs share: one seed a codemod.

export const HERO_PNG = readFileSync(join(__dirname, '../codemods/next-image/__fixtures__/public/hero.png'));

/** Next.js app with a public image, a remote, an expression and no <img>, and a library with a raw <img>. */
export function seedNextImageWorkspace(tree: Tree): void {
  addProjectConfiguration(tree, 'web', { root: 'apps/web' });
  addProjectConfiguration(tree, 'ui', { root: 'libs/ui' });
  tree.write('apps/web/next.config.js', 'const nextConfig = {};\n\nmodule.exports = nextConfig;\n');
  tree.write('apps/web/public/hero.png', HERO_PNG);
  tree.write('apps/web/app/page.tsx', 'export default function Page() {\n  return <img src="/hero.png" alt="Hero" loading="lazy" />;\n}\n');
  tree.write(
    'apps/web/app/gallery.tsx',
    'export const G = () => <img src="https://cdn.example.com/a.jpg" width={60} height={40} alt="A" />;\n',
  );
  tree.write('apps/web/app/card.tsx', 'export const C = ({ u }: { u: string }) => <img src={u} alt="" />;\n');
  tree.write('apps/web/app/plain.tsx', 'export const P = () => <div />;\n');
  tree.write('libs/ui/src/a.tsx', 'export const A = () => <img src="/a.png" />;\n');
}

export const SNIPPET =
  "'use client';\nimport SyntaxHighlighter from 'react-syntax-highlighter';\n\nexport const Snippet = ({ code }: { code: string }) => <SyntaxHighlighter>{code}</SyntaxHighlighter>;\n";

/** Next.js app with a heavy snippet and a recharts chart, a React library with apexcharts, a plain library. */
export function seedDynamicImportWorkspace(tree: Tree): void {
  addProjectConfiguration(tree, 'web', { root: 'apps/web' });
  addProjectConfiguration(tree, 'ui', { root: 'libs/ui' });
  addProjectConfiguration(tree, 'util', { root: 'libs/util' });
  tree.write('apps/web/next.config.js', 'module.exports = {};\n');
  tree.write('apps/web/app/snippet.tsx', SNIPPET);
  tree.write(
    'apps/web/app/sales/sales-chart.tsx',
    "'use client';\nimport { LineChart, Line } from 'recharts';\n\nexport const SalesChart = () => (\n  <LineChart width={1} height={1} data={[]}>\n    <Line dataKey=\"v\" />\n  </LineChart>\n);\n",
  );
  tree.write(
    'apps/web/app/sales/page.tsx',
    "import { SalesChart } from './sales-chart';\n\nexport default function Page() {\n  return <SalesChart />;\n}\n",
  );
  tree.write('libs/ui/package.json', JSON.stringify({ name: 'ui', peerDependencies: { react: '19.0.0' } }));
  tree.write(
    'libs/ui/src/chart.tsx',
    'import Chart from \'react-apexcharts\';\n\nexport const C = () => <Chart type="bar" series={[]} />;\n',
  );
  tree.write('libs/util/src/a.ts', 'export const a = 1;\n');
}
