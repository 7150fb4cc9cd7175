// Matrix shape (b), and the Next.js version matrix: a Turborepo npm-workspaces repository (never
// committed) adopted with `nx init`, with the same app on Next 14 (webpack, React 18), Next 15
// (webpack) and Next 16 (Turbopack), each declaring its own versions as a repository that upgrades
// app by app has them, and tests run from a root jest `projects` config (no app has a test script).
// The routes cover what route sizes depend on: a root layout, a nested layout with a client
// component, pages with client components other routes do not load, a dynamic segment, and a
// pages-router page.
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
  // An error boundary (a client component whose chunks every page's HTML loads), a page that only
  // redirects, and a not-found page with a link: the routes whose sizes the manifests get wrong.
  'app/error.tsx': `'use client';
import { useEffect } from 'react';
export default function Error({ error, reset }: { error: Error; reset: () => void }) {
  useEffect(() => { console.error(error); }, [error]);
  return <div><p>Something went wrong</p><button onClick={() => reset()}>Try again</button></div>;
}
`,
  'app/go/page.tsx': `import { redirect } from 'next/navigation';
export default function Go() { redirect('/about'); }
`,
  'app/not-found.tsx': `import Link from 'next/link';
export default function NotFound() { return <main><h1>Not found</h1><Link href="/">Home</Link></main>; }
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

/**
 * The day-one path of a repository that had no Nx, each step committed: npm install, `nx init`,
 * the plugin's tarball installed and its init generator run. Returns what init printed.
 */
function adoptWithNxInit(ws, tarball, log, { what, repository }) {
  log(`npm install (${what})`);
  must('npm install --no-audit --no-fund', ws);
  must(`git init -q && git add -A && git commit -q -m ${JSON.stringify(repository)}`, ws);
  log('npx nx@23.2.1 init');
  must('npx -y nx@23.2.1 init --interactive=false', ws);
  must('git add -A && git commit -q -m "nx init"', ws);
  log('npm i -D @plinto/ready, nx g @plinto/ready:init');
  must(`npm i -D ${JSON.stringify(tarball)} --no-audit --no-fund`, ws);
  const init = must('npx nx g @plinto/ready:init', ws);
  must('git add -A && git commit -q -m "nx g @plinto/ready:init"', ws);
  return init;
}

/** Creates `<dir>/ws` as a Turborepo repository, adopts it with `nx init`, adds the plugin; each step committed. */
function assembleNextMatrix(dir, tarball, log = () => undefined) {
  rmSync(dir, { recursive: true, force: true });
  const ws = join(dir, 'ws');
  for (const a of APPS) {
    const root = join(ws, 'apps', a.app);
    writeNextApp(root, {
      name: `@nm/${a.app}`,
      scripts: { build: a.build },
      dependencies: { next: a.next, react: a.react, 'react-dom': a.react },
      devDependencies: { '@types/react': a.types, '@types/react-dom': a.types },
    });
    // The app's jest config, run from the root `projects` config: no test script, so no test target.
    writeFileSync(
      join(root, 'jest.config.js'),
      "module.exports = { displayName: '" + a.app + "', testEnvironment: 'node', roots: ['<rootDir>/lib'] };\n",
    );
    mkdirSync(join(root, 'lib'), { recursive: true });
    writeFileSync(join(root, 'lib', 'price.js'), 'exports.price = (cents) => (cents < 0 ? 0 : cents) / 100;\n');
    writeFileSync(
      join(root, 'lib', 'price.test.js'),
      "const { price } = require('./price');\ntest('price', () => { expect(price(250)).toBe(2.5); expect(price(-1)).toBe(0); });\n",
    );
  }
  writeFileSync(
    join(ws, 'package.json'),
    JSON.stringify(
      {
        name: 'next-matrix',
        private: true,
        workspaces: ['apps/*'],
        scripts: { build: 'turbo run build', test: 'jest' },
        devDependencies: { turbo: '2.5.8', jest: '29.7.0', typescript: '5.9.3', '@types/node': '^22.0.0' },
      },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(
    join(ws, 'turbo.json'),
    JSON.stringify(
      {
        $schema: 'https://turbo.build/schema.json',
        // test after the app's own build, as many Turborepo repositories have it: nx init carries it into targetDefaults.test
        tasks: { build: { dependsOn: ['^build'], outputs: ['.next/**', '!.next/cache/**'] }, test: { dependsOn: ['build'] } },
      },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(join(ws, 'jest.config.js'), "module.exports = { projects: ['<rootDir>/apps/*'] };\n");
  // Nested: each app's packages beside it, the repository's own npm setting (every install reads it,
  // `nx init`'s too). Hoisted, one app's Next would render with another's React.
  writeFileSync(join(ws, '.npmrc'), 'install-strategy=nested\nignore-scripts=true\n');
  writeFileSync(join(ws, '.gitignore'), 'node_modules\n.next\nnext-env.d.ts\n*.tsbuildinfo\ncoverage\ndist\n');
  adoptWithNxInit(ws, tarball, log, {
    what: 'three Next.js versions, nested per app, install scripts skipped',
    repository: 'a Turborepo repository',
  });
  return { ws, apps: APPS.map((a) => ({ ...a, project: `@nm/${a.app}`, root: `apps/${a.app}` })) };
}

/** The JS a prerendered page's HTML loads (module scripts, not noModule polyfills), gzip bytes. */
function htmlScriptsGzip(nextDir, htmlFile) {
  const { readFileSync } = require('node:fs');
  return scriptsGzipOf(nextDir, readFileSync(htmlFile, 'utf8'));
}

function scriptsGzipOf(nextDir, html) {
  const { readFileSync } = require('node:fs');
  const { gzipSync } = require('node:zlib');
  const files = [...html.matchAll(/<script\b[^>]*\bsrc="\/_next\/([^"]+)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0])).map((m) => m[1]);
  return [...new Set(files)].reduce((sum, f) => sum + gzipSync(readFileSync(join(nextDir, decodeURIComponent(f)))).length, 0);
}

/**
 * The JS the HTML of `path` loads as the built app serves it (`next start` on a free loopback port,
 * stopped afterwards): the measure of a dynamic route, which has no prerendered HTML. Gzip bytes.
 */
async function servedScriptsGzip(appRoot, path) {
  const { spawn } = require('node:child_process');
  const { createServer } = require('node:net');
  const port = await new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
  const next = require.resolve('next/dist/bin/next', { paths: [appRoot] });
  const child = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appRoot,
    env: SAMPLE_ENV,
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (let i = 0; i < 240; i++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        if (response.ok) return scriptsGzipOf(join(appRoot, '.next'), await response.text());
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`next start in ${appRoot} never served ${path}`);
  } finally {
    process.kill(-child.pid, 'SIGTERM');
  }
}

/**
 * Each measured route that Next prerendered, beside what its HTML loads: `{ route, gzip, loaded,
 * within5 }` (dynamic routes have no HTML and are left out).
 */
function routesAgainstHtml(nextDir, routes) {
  const { existsSync } = require('node:fs');
  return routes.flatMap((r) => {
    const name = r.route === '/' ? 'index' : r.route.slice(1);
    const html = [join(nextDir, 'server/app', `${name}.html`), join(nextDir, 'server/pages', `${name}.html`)].find((f) => existsSync(f));
    if (!html) return [];
    const loaded = htmlScriptsGzip(nextDir, html);
    return [{ route: r.route, gzip: r.gzip, loaded, within5: Math.abs(r.gzip - loaded) / loaded <= 0.05 }];
  });
}

module.exports = {
  APPS,
  adoptWithNxInit,
  assembleNextMatrix,
  htmlScriptsGzip,
  servedScriptsGzip,
  routesAgainstHtml,
  writeNextApp,
  sh,
  must,
};
