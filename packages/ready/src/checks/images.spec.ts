import { TempWorkspace } from '../testing/temp-workspace';
import { imagesCheck, scanRawImages } from './images';
import { CheckContext } from './types';

const ctx = (root: string, projectRoot = 'apps/web'): CheckContext => ({
  workspaceRoot: root,
  projectName: 'web',
  projectRoot,
  resultsDir: `dist/ready/${projectRoot}`,
});

describe('images check', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = new TempWorkspace();
    ws.write('apps/web/next.config.js', 'module.exports = {};');
  });
  afterEach(() => ws.cleanup());

  it('counts raw <img> elements with file and line, and nothing that only looks like one', () => {
    ws.write('apps/web/app/page.tsx', [
      'export default function Page() {',
      '  return (<main>',
      '    <img src="/a.png" alt="a" />',
      '    <img src={url} alt="b"></img>',
      '    <Image src="/c.png" alt="c" width={1} height={1} />',
      '  </main>);',
      '}',
      'const s = "<img src=x>"; // a string, not JSX',
    ].join('\n'));
    ws.write('apps/web/app/about.jsx', 'export const A = () => <img src="/x.png" alt="" />;');
    ws.write('apps/web/app/plain.tsx', 'export const P = () => <div />;');
    const scan = scanRawImages(ws.root, 'apps/web');
    expect(scan.raw).toEqual([
      { file: 'apps/web/app/about.jsx', line: 1 },
      { file: 'apps/web/app/page.tsx', line: 3 },
      { file: 'apps/web/app/page.tsx', line: 4 },
    ]);
    expect(scan.parsed).toBe(2); // plain.tsx never reaches the parser
    const result = imagesCheck.run(ctx(ws.root));
    expect(result).toMatchObject({
      status: 'fail',
      score: 70,
      metric: { value: 3, unit: 'raw <img>' },
      fix: 'nx g @plinto/ready:next-image --project=web',
    });
  });

  it('leaves test files aside and names files that do not parse', () => {
    ws.write('apps/web/app/page.spec.tsx', 'it("x", () => render(<img src="/a.png" />));');
    ws.write('apps/web/app/broken.tsx', 'export const B = () => <img src="/a.png" alt="" ;');
    ws.write('apps/web/.next/server/page.js', 'x(<img src="/a.png" />)');
    const result = imagesCheck.run(ctx(ws.root));
    expect(result).toMatchObject({ status: 'warn', score: 100, metric: { value: 0 } });
    expect((result as { details: unknown[] }).details).toEqual([
      { file: 'apps/web/app/page.spec.tsx', line: 1, message: expect.stringContaining('test file') },
      { file: 'apps/web/app/broken.tsx', message: expect.stringContaining('does not parse') },
    ]);
  });

  it('passes a Next.js app without raw <img>', () => {
    ws.write('apps/web/app/page.tsx', 'export default () => <p>hi</p>;');
    expect(imagesCheck.run(ctx(ws.root))).toMatchObject({ status: 'pass', score: 100, fix: null });
  });

  it('skips a project that is not a Next.js project', () => {
    ws.write('libs/ui/package.json', { name: 'ui', dependencies: { react: '19.0.0' } });
    ws.write('libs/ui/src/a.tsx', 'export const A = () => <img src="/a.png" />;');
    expect(imagesCheck.run(ctx(ws.root, 'libs/ui'))).toMatchObject({ status: 'skip' });
  });
});
