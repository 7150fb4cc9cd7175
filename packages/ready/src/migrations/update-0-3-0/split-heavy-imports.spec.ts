import { Tree, addProjectConfiguration } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import splitHeavyImports from './split-heavy-imports';

const SNIPPET =
  "'use client';\nimport SyntaxHighlighter from 'react-syntax-highlighter';\n\nexport const Snippet = ({ code }: { code: string }) => <SyntaxHighlighter>{code}</SyntaxHighlighter>;\n";

describe('0.3.0 migration: split-heavy-imports', () => {
  let tree: Tree;
  let info: jest.SpyInstance;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
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
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => info.mockRestore());

  it('the 0.3.0 migration runs the same codemod over every project', async () => {
    await splitHeavyImports(tree);
    expect(tree.read('apps/web/app/snippet.tsx', 'utf-8')).toContain('dynamic(');
    expect(tree.read('libs/ui/src/chart.tsx', 'utf-8')).toContain('lazy(');
  });
});
