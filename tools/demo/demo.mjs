#!/usr/bin/env node
// `npm run demo`: the main job on a sample workspace. Packs the plugin, creates (or reuses) a real
// Nx workspace under tmp/demo with the usual readiness gaps, installs the plugin the way a user
// does, commits a change and runs `nx affected -t ready`, then prints the reports.
import { packReady } from '../pack-ready.mjs';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { SAMPLE_ENV, assertOwnRepository, createSampleWorkspace, runOk } = require('../sample-workspace.cjs');
const { DemoRefusal, keepUserWork } = require('./keep-work.cjs');

const root = resolve(import.meta.dirname, '..', '..');
const demoDir = join(root, 'tmp', 'demo');
const ws = join(demoDir, 'ws');
const CREATED = 'demo-created';
const BRANCH = 'try-ready';
/** Where the demo last left main and the try-ready branch: any other tip holds commits of the user's. */
const DEMO_TIP = 'demo-tip';
const say = (m) => console.log(`\n▶ ${m}`);

say('building and packing @plinto/ready');
const tarball = packReady({ quiet: true });

const hasTag =
  existsSync(join(ws, '.git')) && spawnSync('git', ['rev-parse', '-q', '--verify', `refs/tags/${CREATED}`], { cwd: ws }).status === 0;
if (hasTag) {
  say(`reusing the sample workspace in ${ws} (delete tmp/demo to start afresh)`);
  assertOwnRepository(ws);
  try {
    for (const line of keepUserWork(ws, { branches: ['main', BRANCH], demoTip: DEMO_TIP })) console.log(`  ${line}`);
  } catch (error) {
    if (!(error instanceof DemoRefusal)) throw error;
    console.error(`\nThe demo stopped: ${error.message}`);
    process.exit(1);
  }
  runOk(`git checkout -q -B main ${CREATED} && git clean -q -fdx -e node_modules`, ws);
} else {
  say(`creating a sample workspace in ${ws}`);
  createSampleWorkspace(demoDir, (m) => console.log(`  ${m}`));
  say(
    'seeding the usual gaps: strict mode off (and code written without it), raw <img>, process.env reads, a heavy static import (a syntax highlighter), thin tests',
  );
  seedGaps();
  runOk(
    'npm i react-syntax-highlighter@15.6.1 --no-audit --no-fund && npm i -D @types/react-syntax-highlighter@15.5.13 --no-audit --no-fund',
    ws,
  );
  runOk(`git add -A && git commit -q -m "Sample app with readiness gaps" && git tag ${CREATED}`, ws);
}

say('installing the plugin from its tarball and running its init generator (what `nx add @plinto/ready` runs)');
runOk(`npm i -D ${tarball} --no-audit --no-fund`, ws);
console.log(runOk('npx nx g @plinto/ready:init', ws).trim());
runOk('git add -A && git commit -q -m "Add @plinto/ready"', ws);

say('committing a change to the app and the library');
write('apps/web/app/page.tsx', read('apps/web/app/page.tsx') + '\nexport const revalidate = 60;\n');
write('libs/ui/src/lib/ui.tsx', read('libs/ui/src/lib/ui.tsx') + '\nexport const UI_VERSION = 2;\n');
runOk('git add -A && git commit -q -m "A change"', ws);

say('nx affected -t ready --base=HEAD~1 (runs the tests with coverage and the build it needs, then every check)');
const status = affectedReady();
printReports();

// The gaps stay open: a branch of its own, for a newcomer to close them one generator at a time.
say(`leaving the gaps open on the branch "${BRANCH}" for you to try`);
runOk(`git checkout -q -B ${BRANCH} && git tag -f ${DEMO_TIP}`, ws);
const generators = ['next-image', 'env', 'strict', 'dynamic-import', 'ci'];
/** The generators that close a project's gap take --project; ci writes the workspace's workflow. */
const target = (g) => (g === 'ci' ? '' : ' --project=web');
const planned = generators.map((g) => [g, dryRun(g)]);
for (const [g, files] of planned) {
  console.log(
    `  nx g @plinto/ready:${g}${target(g)}: ${files.length > 0 ? `would change ${files.join(', ')}` : 'NOTHING TO DO (the sample has no gap for it)'}`,
  );
}
const idle = planned.filter(([, files]) => files.length === 0).map(([g]) => g);
console.log(
  `\nnx affected -t ready exited ${status}: ${status === 0 ? 'every affected project is ready.' : 'the failing checks above name the command that closes each gap.'}`,
);
console.log(`Workspace summary: ${join(ws, 'dist/ready/summary.md')}\nDashboard: ${join(ws, 'dist/ready/index.html')}`);
console.log(`
Next, in ${ws} (branch ${BRANCH}):
${generators.map((g) => `  npx nx g @plinto/ready:${g}${target(g)}${g === 'env' ? '          # add --rewrite to wire the typed env module into the code' : ''}`).join('\n')}
  npx nx affected -t ready --base=${CREATED}       # then dist/ready/summary.md and the dashboard show each score before → now
  npx nx run web:ready --updateBaseline             # or accept today's gaps as the baseline: ready then fails only on what gets worse
Every generator takes --dry-run.`);
if (idle.length > 0) {
  console.error(`\nThe demo is broken: ${idle.join(', ')} found nothing to do on the sample workspace.`);
  process.exit(1);
}

function affectedReady(base = 'HEAD~1') {
  const r = spawnSync('bash', ['-c', `npx nx affected -t ready --base=${base} --head=HEAD --output-style=static`], {
    cwd: ws,
    env: SAMPLE_ENV,
    stdio: 'inherit',
  });
  return r.status;
}

function printReports() {
  say('the reports (dist/ready/<projectRoot>/ready.md)');
  for (const md of findReports(join(ws, 'dist', 'ready'))) console.log(`\n${readFileSync(md, 'utf8')}`);
}

function read(path) {
  return readFileSync(join(ws, path), 'utf8');
}

function write(path, content) {
  mkdirSync(dirname(join(ws, path)), { recursive: true });
  writeFileSync(join(ws, path), content);
}

function findReports(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('ready.md'))
    .map((f) => join(dir, String(f)))
    .sort();
}

function seedGaps() {
  // The image the hero's raw <img> shows: with the file in public/, next-image can convert it.
  mkdirSync(join(ws, 'apps/web/public'), { recursive: true });
  copyFileSync(join(root, 'packages/ready/src/codemods/next-image/__fixtures__/public/hero.png'), join(ws, 'apps/web/public/hero.png'));
  const tsconfig = JSON.parse(read('apps/web/tsconfig.json'));
  tsconfig.compilerOptions.strict = false;
  write('apps/web/tsconfig.json', JSON.stringify(tsconfig, null, 2) + '\n');
  write(
    'apps/web/app/hero.tsx',
    `export function Hero({ avatarUrl }: { avatarUrl: string }) {
  return (
    <section>
      <img src="/hero.png" alt="Our product" width={1200} height={600} />
      <img src={avatarUrl} alt="" className="avatar" />
    </section>
  );
}
`,
  );
  // Code written while strict was off: implicit any, a possibly-null read, an uninitialised property.
  write(
    'apps/web/app/legacy.ts',
    `export class PriceFormatter {
  private currency: string;

  format(value) {
    return \`\${this.currency.toUpperCase()} \${value.toFixed(2)}\`;
  }
}

export function label(id: string): string {
  const el = typeof document === 'undefined' ? null : document.getElementById(id);
  return el.title;
}
`,
  );
  write(
    'apps/web/app/config.ts',
    `export const apiUrl = process.env.NEXT_PUBLIC_API_URL ?? 'http://localhost:3000';
export const pageSize = Number(process.env.PAGE_SIZE || '20');
const { STRIPE_SECRET_KEY, FEATURE_BETA = 'false' } = process.env;
export const stripeKey = STRIPE_SECRET_KEY;
export const beta = FEATURE_BETA === 'true';
`,
  );
  // A heavy library rendered as one component: what dynamic-import splits out of the first load.
  write(
    'apps/web/app/code-sample.tsx',
    `'use client';
import { Prism as SyntaxHighlighter } from 'react-syntax-highlighter';

export function CodeSample({ code }: { code: string }) {
  return <SyntaxHighlighter language="tsx">{code}</SyntaxHighlighter>;
}
`,
  );
}

/** The files a generator would change on the sample (its --dry-run): the demo says so when there are none. */
function dryRun(generator) {
  const r = spawnSync('bash', ['-c', `npx nx g @plinto/ready:${generator}${target(generator)} --dry-run`], {
    cwd: ws,
    env: SAMPLE_ENV,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`nx g @plinto/ready:${generator} --dry-run failed:\n${r.stdout}${r.stderr}`);
  return [...`${r.stdout}`.matchAll(/^(?:CREATE|UPDATE|DELETE) (\S+)/gm)].map((m) => m[1]);
}
