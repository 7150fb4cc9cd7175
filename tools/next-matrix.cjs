// The Next.js version matrix: one package-based npm-workspaces Nx repository (never committed)
// with the same app on Next 14 (webpack, React 18), Next 15 (webpack) and Next 16 (Turbopack),
// each declaring its own versions, as a repository that upgrades app by app has them. The routes
// cover what route sizes depend on: a root layout, a nested layout with a client component, pages
// with client components other routes do not load, a dynamic segment, and a pages-router page.
const { spawnSync } = require('node:child_process');
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { SAMPLE_ENV } = require('./sample-workspace.cjs');

const APPS = [
  { app: 'next14', next: '14.2.15', react: '18.3.1', types: '^18.3.0', bundler: 'webpack', build: 'next build' },
  { app: 'next15', next: '15.5.7', react: '19.2.0', types: '^19.0.0', bundler: 'webpack', build: 'next build' },
  { app: 'next16', next: '16.1.6', react: '19.2.0', types: '^19.0.0', bundler: 'turbopack', build: 'next build' },
];

const SOURCES = {
  'next.config.js': 'module.exports = {};\n',
  'app/layout.tsx': `export const metadata = { title: 'matrix' };
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  'app/page.tsx': `import Counter from '../components/Counter';
export default function Home() { return <main><h1>Home</h1><Counter /></main>; }
`,
  'app/blog/layout.tsx': `import Nav from '../../components/Nav';
export default function BlogLayout({ children }: { children: React.ReactNode }) { return <section><Nav />{children}</section>; }
`,
  'app/blog/page.tsx': `import BlogWidget from '../../components/BlogWidget';
export default function Blog() { return <main><h1>Blog</h1><BlogWidget /></main>; }
`,
  'app/about/page.tsx': `import AboutWidget from '../../components/AboutWidget';
export default function About() { return <main><h1>About</h1><AboutWidget /></main>; }
`,
  'app/shop/[id]/page.tsx': `import AboutWidget from '../../../components/AboutWidget';
export default async function Shop({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <main>{id}<AboutWidget /></main>;
}
`,
  'pages/legacy/index.tsx': `import { useState } from 'react';
export default function Legacy() { const [n, setN] = useState(0); return <button onClick={() => setN(n + 1)}>legacy {n}</button>; }
`,
  'components/Counter.tsx': `'use client';
import { useState } from 'react';
export default function Counter() { const [n, setN] = useState(0); return <button onClick={() => setN(n + 1)}>{n}</button>; }
`,
  'components/Nav.tsx': `'use client';
import { usePathname } from 'next/navigation';
export default function Nav() { const p = usePathname(); return <nav>at {p}</nav>; }
`,
  'components/BlogWidget.tsx': `'use client';
import { useState } from 'react';
const WORDS = Array.from({ length: 4000 }, (_, i) => \`blog-word-\${i}-\${(i * 7919) % 1000}\`);
export const TOPICS = ${JSON.stringify(Array.from({ length: 600 }, (_, i) => `topic ${i} ${(i * 2654435761) % 99991}`))};
export default function BlogWidget() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>{WORDS[n % WORDS.length]} {TOPICS[n % TOPICS.length]}</button>;
}
`,
  'components/AboutWidget.tsx': `'use client';
import { useState } from 'react';
export const ITEMS = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ id: i, label: `item ${i} ${(i * 40503) % 65521}` })))};
export default function AboutWidget() {
  const [q, setQ] = useState('');
  return <div><input value={q} onChange={(e) => setQ(e.target.value)} />{ITEMS.filter((i) => i.label.includes(q)).slice(0, 5).map((i) => <p key={i.id}>{i.label}</p>)}</div>;
}
`,
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2017',
        lib: ['dom', 'dom.iterable', 'esnext'],
        allowJs: true,
        skipLibCheck: true,
        strict: true,
        noEmit: true,
        esModuleInterop: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        resolveJsonModule: true,
        isolatedModules: true,
        jsx: 'preserve',
        incremental: true,
        plugins: [{ name: 'next' }],
      },
      include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts'],
      exclude: ['node_modules'],
    },
    null,
    2,
  ),
};

function sh(command, cwd) {
  const r = spawnSync('bash', ['-c', command], { cwd, env: SAMPLE_ENV, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  return { code: r.status ?? 1, output };
}

function must(command, cwd) {
  const r = sh(command, cwd);
  if (r.code !== 0) throw new Error(`"${command}" exited ${r.code} in ${cwd}:\n${r.output.slice(-6000)}`);
  return r.output;
}

/** Writes the matrix's app sources into `root`, with the given package.json fields. */
function writeNextApp(root, pkg) {
  for (const [file, text] of Object.entries(SOURCES)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '0.0.0', private: true, ...pkg }, null, 2) + '\n');
}

/** Creates `<dir>/ws` with the three apps and the packed plugin, installed, initialised and committed. */
function assembleNextMatrix(dir, tarball, log = () => undefined) {
  rmSync(dir, { recursive: true, force: true });
  const ws = join(dir, 'ws');
  for (const a of APPS) {
    writeNextApp(join(ws, 'apps', a.app), {
      name: `@nm/${a.app}`,
      scripts: { build: a.build },
      dependencies: { next: a.next, react: a.react, 'react-dom': a.react },
      devDependencies: { '@types/react': a.types, '@types/react-dom': a.types },
    });
  }
  writeFileSync(
    join(ws, 'package.json'),
    JSON.stringify(
      {
        name: 'next-matrix',
        private: true,
        workspaces: ['apps/*'],
        devDependencies: {
          nx: '23.2.1',
          '@nx/devkit': '23.2.1',
          '@plinto/ready': `file:${tarball}`,
          typescript: '5.9.3',
          '@types/node': '^22.0.0',
        },
      },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(join(ws, 'nx.json'), JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json' }, null, 2) + '\n');
  writeFileSync(join(ws, '.gitignore'), 'node_modules\n.nx\ndist\n.next\nnext-env.d.ts\n*.tsbuildinfo\n');
  // Nested: each app's packages beside it. Hoisted, one app's Next renders with another's React
  // (styled-jsx and react resolve from the root), which fails its prerender.
  log('npm install (three Next.js versions, nested per app, install scripts skipped)');
  must('npm install --no-audit --no-fund --ignore-scripts --install-strategy=nested', ws);
  must('git init -q && git add -A && git commit -q -m "three apps"', ws);
  log('nx g @plinto/ready:init');
  must('npx nx g @plinto/ready:init', ws);
  must('git add -A && git commit -q -m "nx g @plinto/ready:init"', ws);
  return { ws, apps: APPS.map((a) => ({ ...a, project: `@nm/${a.app}`, root: `apps/${a.app}` })) };
}

/** The JS a prerendered page's HTML loads (module scripts, not noModule polyfills), gzip bytes. */
function htmlScriptsGzip(nextDir, htmlFile) {
  const { readFileSync } = require('node:fs');
  const { gzipSync } = require('node:zlib');
  const html = readFileSync(htmlFile, 'utf8');
  const files = [...html.matchAll(/<script\b[^>]*\bsrc="\/_next\/([^"]+)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0])).map((m) => m[1]);
  return [...new Set(files)].reduce((sum, f) => sum + gzipSync(readFileSync(join(nextDir, decodeURIComponent(f)))).length, 0);
}

module.exports = { APPS, assembleNextMatrix, htmlScriptsGzip, writeNextApp, sh, must };
