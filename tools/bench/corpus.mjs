// A deterministic synthetic monorepo (seeded: the same bytes every time) shaped like real apps:
// several Next.js apps and libraries, ~3 % of files with <img>, ~5 % with process.env reads in every
// form, heavy static imports, and one non-strict library full of strict-mode errors.
import { mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CORPUS_FILES = 5200;

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPS = ['shop', 'admin', 'blog', 'docs'];
const LIBS = ['ui', 'data', 'auth', 'charts', 'forms', 'utils'];

function component(rand, i, kind) {
  const name = `Component${i}`;
  const lines = [`import { useState } from 'react';`];
  if (kind === 'heavy')
    lines.push(
      `import { ${['LineChart', 'BarChart', 'PieChart'][i % 3]} as Chart${i} } from 'recharts';`,
      `import Editor${i} from '@monaco-editor/react';`,
    );
  lines.push(
    '',
    `type Props${i} = { title: string; items: string[]; url?: string };`,
    '',
    `export function ${name}({ title, items, url }: Props${i}) {`,
    `  const [open, setOpen] = useState(false);`,
  );
  if (kind === 'env') {
    const forms = [
      `  const api = process.env.NEXT_PUBLIC_API_URL_${i % 7} ?? 'https://api.example.com';`,
      `  const size = Number(process.env.PAGE_SIZE_${i % 5} || 20);`,
      `  const region = process.env['REGION_${i % 3}'];`,
      `  const { SECRET_TOKEN_${i % 4}, FLAG_${i % 6} = 'false' } = process.env;`,
    ];
    lines.push(...forms, `  void api; void size; void region; void SECRET_TOKEN_${i % 4}; void FLAG_${i % 6};`);
  }
  for (let k = 0; k < 12 + Math.floor(rand() * 30); k++)
    lines.push(`  const value${k} = items.length * ${k} + ${Math.floor(rand() * 1000)};`);
  lines.push('  return (', '    <section className="card">', '      <h2 onClick={() => setOpen(!open)}>{title}</h2>');
  if (kind === 'img') {
    const variants = [
      `      <img src="/images/hero-${i % 10}.png" alt="Hero ${i}" className="hero" />`,
      `      <img src={url} width={320} height={200} alt="Remote ${i}" loading="lazy" />`,
      `      <img src="https://cdn.example.com/p/${i}.jpg" width={640} height={480} alt="" />`,
      `      <img src={url} alt="sized by css" className="w-full" />`,
    ];
    lines.push(variants[i % variants.length]);
  }
  if (kind === 'heavy') lines.push(`      <Editor${i} height="20vh" />`);
  lines.push('      <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>', '    </section>', '  );', '}', '');
  return lines.join('\n');
}

function plainModule(rand, i) {
  const lines = [`export interface Model${i} { id: string; count: number; tags: string[] }`, ''];
  for (let k = 0; k < 10 + Math.floor(rand() * 40); k++) {
    lines.push(
      `export function fn${i}_${k}(model: Model${i}): number {`,
      `  return model.count * ${k} + model.tags.length + ${Math.floor(rand() * 100)};`,
      '}',
      '',
    );
  }
  return lines.join('\n');
}

function legacyModule(i) {
  return [
    `export class Store${i} {`,
    '  private items: string[];',
    '  private name: string;',
    '  add(item) {',
    '    this.items.push(item);',
    '  }',
    '  find(predicate) {',
    '    return this.items.find(predicate);',
    '  }',
    '}',
    '',
    'export function format(value, options) {',
    '  const el = document.getElementById(options.id);',
    '  el.textContent = String(value);',
    '  return el.textContent.length;',
    '}',
    '',
  ].join('\n');
}

/** Writes the corpus into `dir` (emptied first); returns the file count. */
export function writeCorpus(dir, heroPng) {
  rmSync(dir, { recursive: true, force: true });
  const rand = mulberry32(20261126);
  const write = (path, text) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('package.json', JSON.stringify({ name: 'bench-corpus', private: true, workspaces: ['apps/*', 'libs/*'] }, null, 2));
  write('nx.json', '{}');
  write(
    'tsconfig.base.json',
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          jsx: 'preserve',
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          skipLibCheck: true,
        },
      },
      null,
      2,
    ),
  );
  const projects = [...APPS.map((a) => `apps/${a}`), ...LIBS.map((l) => `libs/${l}`)];
  for (const p of projects) {
    write(`${p}/project.json`, JSON.stringify({ name: p.split('/')[1], root: p }));
    write(`${p}/tsconfig.json`, JSON.stringify({ extends: '../../tsconfig.base.json', include: ['**/*.ts', '**/*.tsx'] }, null, 2));
  }
  for (const a of APPS) {
    write(`apps/${a}/next.config.js`, 'const nextConfig = {};\n\nmodule.exports = nextConfig;\n');
    for (let h = 0; h < 10; h++) {
      mkdirSync(join(dir, `apps/${a}/public/images`), { recursive: true });
      copyFileSync(heroPng, join(dir, `apps/${a}/public/images/hero-${h}.png`));
    }
  }
  // The non-strict project: implicit any, possibly-null access, uninitialised properties.
  write('libs/legacy/project.json', JSON.stringify({ name: 'legacy', root: 'libs/legacy' }));
  write(
    'libs/legacy/tsconfig.json',
    JSON.stringify(
      { compilerOptions: { strict: false, target: 'es2022', lib: ['es2022', 'dom'], types: [], noEmit: true }, include: ['src/**/*.ts'] },
      null,
      2,
    ),
  );
  let count = 0;
  for (let i = 0; i < 200; i++, count++) write(`libs/legacy/src/store-${i}.ts`, legacyModule(i));
  for (let i = 0; count < CORPUS_FILES; i++, count++) {
    const project = projects[i % projects.length];
    const r = rand();
    const kind = r < 0.03 ? 'img' : r < 0.08 ? 'env' : r < 0.1 ? 'heavy' : r < 0.55 ? 'component' : 'plain';
    const folder = project.startsWith('apps/') ? 'app' : 'src';
    const path = `${project}/${folder}/${kind === 'plain' ? 'lib' : 'components'}/f${i}.${kind === 'plain' ? 'ts' : 'tsx'}`;
    write(
      path,
      kind === 'plain' ? plainModule(rand, i) : kind === 'heavy' ? `'use client';\n${component(rand, i, kind)}` : component(rand, i, kind),
    );
  }
  return count;
}
