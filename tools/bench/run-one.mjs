// One measurement in a fresh process (so peak RSS is this engine's own): prints {ms, rssMb, count}.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const [, , name, corpus, plugin, extra] = process.argv;
const lib = (p) => require(join(plugin, 'src', p));
// What our entry points (executors, generators) import first: V8's compile cache on Node ≥ 22.
const entry = () => lib('utils/compile-cache');

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'public') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(tsx?|jsx?)$/.test(e.name)) out.push(p);
  }
  return out;
}

const projects = () =>
  ['apps', 'libs'].flatMap((group) => readdirSync(join(corpus, group)).map((name) => ({ name, root: `${group}/${name}` })));

// The strict engines work on a fresh copy of the corpus's non-strict library, made before the clock starts.
const strictCopy = (engine) => {
  const ws = join(corpus, '..', `strict-${engine}`);
  rmSync(ws, { recursive: true, force: true });
  mkdirSync(ws, { recursive: true });
  writeFileSync(join(ws, 'nx.json'), '{}');
  writeFileSync(join(ws, 'package.json'), JSON.stringify({ name: 'strict-bench', private: true }));
  cpSync(join(corpus, 'libs', 'legacy'), join(ws, 'libs', 'legacy'), { recursive: true });
  return ws;
};
const tsc = (ws, ...args) =>
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', join(ws, 'libs/legacy/tsconfig.json'), ...args], {
    encoding: 'utf8',
  });
const countIn = (ws, pattern) =>
  walk(join(ws, 'libs/legacy/src')).reduce((n, f) => n + (readFileSync(f, 'utf8').match(pattern) ?? []).length, 0);
const strictErrors = (ws) => (tsc(ws, '--strict').stdout.match(/error TS\d+/g) ?? []).length;

const setups = {
  // Nx has loaded @nx/devkit in the executor's process before ready runs: loaded here off the clock.
  ready: () => {
    const t = process.hrtime.bigint();
    require(require.resolve('@nx/devkit', { paths: [plugin] }));
    return { devkitMs: Number(process.hrtime.bigint() - t) / 1e6 };
  },
  'strict:ours': () => strictCopy('ours'),
  'strict:tsc': () => strictCopy('tsc'),
  'strict:ts-migrate': () => {
    const ws = strictCopy('ts-migrate');
    // ts-migrate migrates to the options the tsconfig has: turn strict on first, as its docs say.
    const path = join(ws, 'libs/legacy/tsconfig.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"strict": false', '"strict": true'));
    return ws;
  },
};

const cases = {
  async 'strict:ours'(ws) {
    entry();
    const { FsTree, flushChanges } = require(require.resolve('nx/src/generators/tree', { paths: [plugin] }));
    const { strictGenerator } = lib('generators/strict/strict');
    const tree = new FsTree(ws, false);
    const info = console.info;
    let summary = '';
    console.info = (...a) => (summary += a.join(' ') + '\n');
    await strictGenerator(tree, { project: 'legacy' });
    console.info = info;
    flushChanges(ws, tree.listChanges());
    const number = (re) => Number(re.exec(summary)?.[1] ?? 0);
    return {
      count: number(/suppressed: (\d+)/),
      errors: number(/: (\d+) new error\(s\)/),
      fixed: number(/fixed by code fixes: (\d+)/),
      explicitAny: number(/(\d+) annotation\(s\) written as explicit any/),
      suppressed: number(/suppressed: (\d+)/),
    };
  },
  'strict:tsc'(ws) {
    const r = tsc(ws);
    if (r.status !== 0) throw new Error(`tsc failed on the non-strict project:\n${r.stdout}`);
    return 0;
  },
  'strict:ts-migrate'(ws) {
    const r = spawnSync(process.execPath, [require.resolve('ts-migrate/build/cli.js'), 'migrate', join(ws, 'libs/legacy')], {
      encoding: 'utf8',
    });
    // With TypeScript 5.9 its add-conversions plugin fails on every file ("Debug Failure") and it
    // exits 255, but the other plugins run and it writes the files: that output is what we compare.
    const wrote = /Wrote (\d+) updated file/.exec(r.stdout);
    if (!wrote) throw new Error(`ts-migrate failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
    const suppressed = countIn(ws, /@ts-expect-error/g);
    const pluginFailures = (r.stdout + r.stderr).match(/^Error: \[[\w-]+\]/gm)?.length ?? 0;
    return { count: suppressed, suppressed, explicitAny: countIn(ws, /: any\b/g), exitCode: r.status, pluginFailures };
  },
  'next-image:ours'() {
    entry();
    // Loading Nx's devkit is timed apart: under `nx g` Nx has loaded it before any generator runs.
    const t = process.hrtime.bigint();
    const { FsTree } = require(require.resolve('@nx/devkit/internal', { paths: [plugin] }));
    const devkitMs = Number(process.hrtime.bigint() - t) / 1e6;
    const { convertImages } = lib('features/images/convert-project');
    const tree = new FsTree(corpus, false);
    let count = 0;
    for (const p of projects().filter((x) => x.root.startsWith('apps/')))
      count += convertImages(tree, p, { strategy: 'static-import', remotePatterns: true }).changes.length;
    return { count, devkitMs };
  },
  'next-image:peer'() {
    const transform = require('@next/codemod/transforms/next-image-experimental').default;
    let count = 0;
    for (const file of walk(join(corpus, 'apps'))) {
      const source = readFileSync(file, 'utf8');
      const out = transform({ path: file, source }, {}, {});
      if (out && out !== source) count++;
    }
    return count;
  },
  'env:ours'() {
    entry();
    const { FsTree } = require(require.resolve('@nx/devkit/internal', { paths: [plugin] }));
    const { scanEnv } = lib('features/env/scan');
    const tree = new FsTree(corpus, false);
    return projects().reduce((n, p) => n + scanEnv(tree, p, null).variables.length, 0);
  },
  'dynamic-import:ours'() {
    entry();
    const { FsTree } = require(require.resolve('@nx/devkit/internal', { paths: [plugin] }));
    const { splitProject } = lib('features/code-splitting/split-project');
    const tree = new FsTree(corpus, false);
    return projects().reduce((n, p) => n + splitProject(tree, p, { modules: [], components: new Map(), ssr: 'keep' }).changes.length, 0);
  },
  // The peer of env and dynamic-import: what a codemod without a text prefilter costs, a full
  // ts-morph parse of every file and one visit of each of its nodes (forEachDescendant, the walk a
  // ts-morph codemod writes), finding the process.env reads. Written apart from our code, so that
  // a change to our finders never moves the peer. Each file is removed after use, as ours does.
  'full-parse'() {
    const { createCodemodProject } = lib('codemods/project');
    const { Node } = require(require.resolve('ts-morph', { paths: [plugin] }));
    const project = createCodemodProject();
    let count = 0;
    for (const file of walk(corpus)) {
      const sf = project.createSourceFile(relative(corpus, file), readFileSync(file, 'utf8'), { overwrite: true });
      sf.forEachDescendant((node) => {
        if (Node.isPropertyAccessExpression(node) && node.getExpression().getText() === 'process.env') count++;
      });
      project.removeSourceFile(sf);
    }
    return count;
  },
  async ready({ devkitMs }) {
    entry();
    const { runReady } = lib('features/readiness/run-checks');
    const { CHECKS } = lib('executors/ready/checks');
    const root = 'apps/shop';
    const report = await runReady(
      { workspaceRoot: corpus, projectName: 'shop', projectRoot: root, resultsDir: `dist/ready/${root}`, options: {}, targets: {} },
      { minScore: 0, checks: ['typescript-strict', 'images', 'env', 'code-splitting'] },
      CHECKS,
    );
    return { count: report.score, devkitMs };
  },
  async 'build-production:overhead'() {
    const { runBuildProduction } = lib('features/build/build-production');
    const { measureAudit } = lib('features/audit/measure');
    const ws = extra;
    const context = {
      root: ws,
      projectName: '@ws/web',
      projectsConfigurations: { version: 2, projects: { '@ws/web': { root: 'apps/web' } } },
      projectGraph: { nodes: {}, dependencies: {}, externalNodes: {} },
    };
    // The default results folder, where the security-audit task of the runs before left its record.
    const report = await runBuildProduction({ budgets: { firstLoadJsKb: 10_000 } }, context, (resultsDir) =>
      measureAudit(ws, context.projectGraph, context.projectName, { auditResultPath: `${resultsDir}/security-audit.json` }),
    );
    return report.routes.length;
  },
};

const input = setups[name]?.();
const started = process.hrtime.bigint();
const result = await cases[name](input);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
// A strict engine's output must compile under strict: count what tsc still reports, off the clock.
const after = name.startsWith('strict:') && name !== 'strict:tsc' ? { strictErrorsAfter: strictErrors(input) } : {};
const details = typeof result === 'object' ? result : { count: result };
process.stdout.write(JSON.stringify({ ms, rssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...details, ...after }) + '\n');
