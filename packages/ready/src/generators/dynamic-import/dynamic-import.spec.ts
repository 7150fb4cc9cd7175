import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { SNIPPET, seedDynamicImportWorkspace } from '../../testing/seed-workspaces';
import { dynamicImportGenerator } from './dynamic-import';

describe('dynamic-import generator', () => {
  let tree: Tree;
  let info: jest.SpyInstance;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    seedDynamicImportWorkspace(tree);
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => info.mockRestore());

  it('converts a heavy library, skips compound components with the reason, and splits a named local component', async () => {
    await dynamicImportGenerator(tree, { project: 'web', components: ['app/sales/sales-chart.tsx#SalesChart'], skipFormat: true });
    expect(tree.read('apps/web/app/snippet.tsx', 'utf-8')).toContain(
      "const SyntaxHighlighter = dynamic(() => import('react-syntax-highlighter'), { loading: () => null });",
    );
    expect(tree.read('apps/web/app/sales/sales-chart.tsx', 'utf-8')).toContain("import { LineChart, Line } from 'recharts';");
    expect(tree.read('apps/web/app/sales/page.tsx', 'utf-8')).toContain(
      "const SalesChart = dynamic(() => import('./sales-chart').then((mod) => mod.SalesChart), { loading: () => null });",
    );
    const out = info.mock.calls.flat().join('\n');
    // Not installed in a virtual tree, so not measurable: judged by the list, and the report says so.
    expect(out).toContain(
      'skipped   apps/web/app/sales/sales-chart.tsx:6: recharts (size unknown: Could not resolve "recharts"; judged by the list): compound components',
    );
    expect(out).toContain('measure: run "nx run web:build-production" before and after');
    // Said once for the run, with what to do.
    expect(out.match(/install the app's dependencies to weigh modules/g)).toHaveLength(1);
    expect(out).toContain(
      "install the app's dependencies to weigh modules: 2 module(s) could not be resolved (react-syntax-highlighter, recharts)",
    );
  });

  it('finds a --components file imported through a tsconfig paths alias', async () => {
    tree.write('apps/web/tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }));
    tree.write(
      'apps/web/app/sales/page.tsx',
      "import { SalesChart } from '@/app/sales/sales-chart';\n\nexport default function Page() {\n  return <SalesChart />;\n}\n",
    );
    await dynamicImportGenerator(tree, { project: 'web', components: ['app/sales/sales-chart.tsx#SalesChart'], skipFormat: true });
    expect(tree.read('apps/web/app/sales/page.tsx', 'utf-8')).toContain(
      "dynamic(() => import('@/app/sales/sales-chart').then((mod) => mod.SalesChart)",
    );
  });

  it('reads a parent from another project file, relative or aliased: one that inspects its children keeps them static', async () => {
    tree.write('apps/web/tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }));
    tree.write(
      'apps/web/components/frame/index.tsx',
      "import { Children, cloneElement, ReactElement } from 'react';\nexport function Frame({ children }: { children: ReactElement }) {\n  return <div>{Children.map(children, (c) => cloneElement(c, { width: 300 }))}</div>;\n}\n",
    );
    tree.write(
      'apps/web/components/box.tsx',
      'export function Box({ children }: { children: React.ReactNode }) {\n  return <div>{children}</div>;\n}\n',
    );
    const page = (from: string) =>
      `'use client';\nimport SyntaxHighlighter from 'react-syntax-highlighter';\nimport { ${from === 'box' ? 'Box as Frame' : 'Frame'} } from '${from === 'box' ? '../components/box' : '@/components/frame'}';\n\nexport function Code() {\n  return <Frame><SyntaxHighlighter>{'x'}</SyntaxHighlighter></Frame>;\n}\n`;
    tree.write('apps/web/app/snippet.tsx', page('frame'));
    tree.write('apps/web/app/boxed.tsx', page('box'));
    await dynamicImportGenerator(tree, { project: 'web', skipFormat: true });
    expect(tree.read('apps/web/app/snippet.tsx', 'utf-8')).toBe(page('frame'));
    expect(tree.read('apps/web/app/boxed.tsx', 'utf-8')).toContain("dynamic(() => import('react-syntax-highlighter')");
    expect(info.mock.calls.flat().join('\n')).toMatch(/apps\/web\/app\/snippet\.tsx:6: react-syntax-highlighter .*inspects its children/);
  });

  it('finds client modules by the import graph: a file only client modules import is split, one a page imports is not', async () => {
    const view = (name: string) =>
      `import SyntaxHighlighter from 'react-syntax-highlighter';\n\nexport function ${name}({ code }: { code: string }) {\n  return <SyntaxHighlighter>{code}</SyntaxHighlighter>;\n}\n`;
    // imported only from a 'use client' file, itself imported from a hook-calling file: client twice removed
    tree.write('apps/web/components/code-view.tsx', view('CodeView'));
    tree.write('apps/web/components/inner-view.tsx', view('InnerView'));
    tree.write(
      'apps/web/components/code-panel.tsx',
      "'use client';\nimport { CodeView } from './code-view';\nimport { InnerView } from './inner-view';\n\nexport const CodePanel = () => <><CodeView code=\"a\" /><InnerView code=\"b\" /></>;\n",
    );
    // imported from a client file and from a page (a Server Component): it may be one
    tree.write('apps/web/components/shared-view.tsx', view('SharedView'));
    tree.write(
      'apps/web/app/docs/page.tsx',
      "import { CodePanel } from '../../components/code-panel';\nimport { SharedView } from '../../components/shared-view';\n\nexport default function Page() {\n  return <><CodePanel /><SharedView code=\"c\" /></>;\n}\n",
    );
    tree.write(
      'apps/web/components/toolbar.tsx',
      "import { useState } from 'react';\nimport { SharedView } from './shared-view';\n\nexport function Toolbar() {\n  const [x] = useState('');\n  return <SharedView code={x} />;\n}\n",
    );
    await dynamicImportGenerator(tree, { project: 'web', skipFormat: true });
    for (const file of ['code-view', 'inner-view'])
      expect(tree.read(`apps/web/components/${file}.tsx`, 'utf-8')).toContain("dynamic(() => import('react-syntax-highlighter')");
    expect(tree.read('apps/web/components/shared-view.tsx', 'utf-8')).toBe(view('SharedView'));
    expect(info.mock.calls.flat().join('\n')).toMatch(
      /apps\/web\/components\/shared-view\.tsx:1: react-syntax-highlighter .*Server Component/,
    );
  });

  it('changes nothing on a second run', async () => {
    await dynamicImportGenerator(tree, { project: 'web', skipFormat: true });
    const snapshot = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    await dynamicImportGenerator(tree, { project: 'web', skipFormat: true });
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(snapshot);
  });

  it('uses React.lazy with Suspense in a React library', async () => {
    await dynamicImportGenerator(tree, { project: 'ui', skipFormat: true });
    const text = tree.read('libs/ui/src/chart.tsx', 'utf-8')!;
    expect(text).toContain("const Chart = lazy(() => import('react-apexcharts'));");
    expect(text).toContain('<Suspense fallback={null}><Chart type="bar" series={[]} /></Suspense>');
  });

  it('refuses bad input with one clear sentence, writing nothing', async () => {
    await expect(dynamicImportGenerator(tree, { project: 'util' })).rejects.toThrow(
      '"nx g @plinto/ready:dynamic-import" does not apply to project "util": it is neither a Next.js nor a React project.',
    );
    await expect(dynamicImportGenerator(tree, { project: 'web', components: ['app/nope.tsx#Nope'] })).rejects.toThrow(
      /--components names app\/nope\.tsx, which exists neither/,
    );
    await expect(dynamicImportGenerator(tree, { project: 'web', components: ['app/snippet.tsx'] })).rejects.toThrow(
      /is not path#ExportName/,
    );
    expect(tree.read('apps/web/app/snippet.tsx', 'utf-8')).toBe(SNIPPET);
  });
});
