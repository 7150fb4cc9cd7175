import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TempWorkspace } from '../../testing/temp-workspace';
import { imagesCheck } from './check';
import { CheckContext, CheckOutcome } from '../../core/contracts/check';

const HERO_PNG = join(__dirname, '..', '..', 'codemods', 'next-image', '__fixtures__', 'public', 'hero.png');
const ctx = (root: string, projectRoot = 'apps/web'): CheckContext => ({
  workspaceRoot: root,
  projectName: 'web',
  projectRoot,
  resultsDir: `dist/ready/${projectRoot}`,
});

describe('images check', () => {
  let ws: TempWorkspace;
  const run = (projectRoot = 'apps/web') => imagesCheck.run(ctx(ws.root, projectRoot)) as Promise<CheckOutcome>;
  beforeEach(() => {
    ws = new TempWorkspace();
    ws.write('.gitignore', 'node_modules\n.next\n');
    ws.write('apps/web/next.config.js', 'module.exports = {};');
    mkdirSync(join(ws.root, 'apps/web/public'), { recursive: true });
    copyFileSync(HERO_PNG, join(ws.root, 'apps/web/public/hero.png'));
  });
  afterEach(() => ws.cleanup());

  it('passes an Open Graph image route and an email template: next/image does not apply, nothing is left to review', async () => {
    ws.write(
      'apps/web/app/opengraph-image.tsx',
      [
        "import { ImageResponse } from 'next/og';",
        'export default function Image() {',
        '  return new ImageResponse(<div><img src="https://cdn.acme.io/logo.png" width={64} height={64} alt="" /></div>);',
        '}',
      ].join('\n'),
    );
    ws.write('apps/web/emails/welcome.tsx', 'export const Welcome = () => <img src="https://cdn.acme.io/mail.png" alt="" />;\n');
    const result = await run();
    expect(result).toMatchObject({ status: 'pass', metric: { value: 0, text: '0 convertible raw <img>' } });
    // Still said, as what was left alone and why.
    expect(result.details.map((d) => d.message)).toEqual([
      expect.stringContaining('Open Graph / Twitter image route'),
      expect.stringContaining('email template'),
    ]);
  });

  it('fails on convertible raw <img>, with file:line, and lists what the codemod would leave alone', async () => {
    ws.write(
      'apps/web/app/page.tsx',
      [
        'export default function Page({ url }: { url: string }) {',
        '  return (<main>',
        '    <img src="/hero.png" alt="a" />',
        '    <img src={url} alt="b" />',
        '    <img src="https://cdn.example.com/x.jpg" width={10} height={10} alt="c" />',
        '  </main>);',
        '}',
        'const s = "<img src=x>"; // a string, not JSX',
      ].join('\n'),
    );
    ws.write('apps/web/app/plain.tsx', 'export const P = () => <div />;');
    const result = await run();
    expect(result).toMatchObject({
      status: 'fail',
      score: 80,
      metric: { value: 2, unit: 'raw <img>', text: '2 convertible raw <img>, 1 to review by hand' },
      fix: 'nx g @plinto/ready:next-image --project=web',
    });
    expect(result.details).toEqual([
      { file: 'apps/web/app/page.tsx', line: 3, message: 'raw <img>: convertible (static-import)' },
      { file: 'apps/web/app/page.tsx', line: 5, message: 'raw <img>: convertible (remote)' },
      { file: 'apps/web/app/page.tsx', line: 4, message: expect.stringContaining('left alone: no known dimensions') },
    ]);
  });

  it('never writes: the files are as they were after the check', async () => {
    ws.write('apps/web/app/page.tsx', 'export default () => <img src="/hero.png" alt="" />;');
    await run();
    expect(readFileSync(join(ws.root, 'apps/web/app/page.tsx'), 'utf8')).toBe('export default () => <img src="/hero.png" alt="" />;');
    expect(readFileSync(join(ws.root, 'apps/web/next.config.js'), 'utf8')).toBe('module.exports = {};');
  });

  it('warns on what only a person can convert, names files that do not parse, ignores test files and build output', async () => {
    ws.write('apps/web/app/page.spec.tsx', 'it("x", () => render(<img src="/hero.png" />));');
    ws.write('apps/web/app/broken.tsx', 'export const B = () => <img src="/hero.png" alt="" ;');
    ws.write('apps/web/app/card.tsx', 'export const C = ({ u }: { u: string }) => <img src={u} alt="" />;');
    ws.write('apps/web/.next/server/page.js', 'x(<img src="/hero.png" />)');
    const result = await run();
    expect(result).toMatchObject({ status: 'warn', score: 100, metric: { value: 0 }, fix: null });
    expect(result.details.map((d) => d.file)).toEqual(['apps/web/app/card.tsx', 'apps/web/app/page.spec.tsx', 'apps/web/app/broken.tsx']);
  });

  it('passes a Next.js app without raw <img>', async () => {
    ws.write('apps/web/app/page.tsx', 'export default () => <p>hi</p>;');
    expect(await run()).toMatchObject({ status: 'pass', score: 100, fix: null });
  });

  it('skips a project that is not a Next.js project', async () => {
    ws.write('libs/ui/package.json', { name: 'ui', dependencies: { react: '19.0.0' } });
    ws.write('libs/ui/src/a.tsx', 'export const A = () => <img src="/a.png" />;');
    expect(await run('libs/ui')).toMatchObject({ status: 'skip' });
  });
});
