// One measurement in a fresh process (so peak RSS is this engine's own): prints {ms, rssMb, count}.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const [, , name, corpus, plugin, extra] = process.argv;
const lib = (p) => require(join(plugin, 'src', p));

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

const cases = {
  'next-image:ours'() {
    const { FsTree } = require(require.resolve('@nx/devkit/internal', { paths: [plugin] }));
    const { convertProject } = lib('generators/next-image/lib/convert-project');
    const tree = new FsTree(corpus, false);
    let count = 0;
    for (const p of projects().filter((x) => x.root.startsWith('apps/'))) count += convertProject(tree, p, { strategy: 'static-import', remotePatterns: true }).changes.length;
    return count;
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
    const { FsTree } = require(require.resolve('@nx/devkit/internal', { paths: [plugin] }));
    const { scanEnv } = lib('generators/env/lib/scan');
    const tree = new FsTree(corpus, false);
    return projects().reduce((n, p) => n + scanEnv(tree, p, null).variables.length, 0);
  },
  'dynamic-import:ours'() {
    const { FsTree } = require(require.resolve('@nx/devkit/internal', { paths: [plugin] }));
    const { splitProject } = lib('generators/dynamic-import/dynamic-import');
    const tree = new FsTree(corpus, false);
    return projects().reduce((n, p) => n + splitProject(tree, p, { modules: [], components: new Map(), ssr: 'keep' }).changes.length, 0);
  },
  // The peer of env and dynamic-import: what a codemod without a text prefilter costs, a full
  // ts-morph parse of every file (each file removed after use, as ours does).
  'full-parse'() {
    const { createCodemodProject } = lib('codemods/project');
    const { findEnvReads } = lib('codemods/env/find-env');
    const project = createCodemodProject();
    let count = 0;
    for (const file of walk(corpus)) {
      const sf = project.createSourceFile(relative(corpus, file), readFileSync(file, 'utf8'), { overwrite: true });
      count += findEnvReads(sf, file).reads.length;
      project.removeSourceFile(sf);
    }
    return count;
  },
  async ready() {
    const { runReady } = lib('executors/ready/lib/run-checks');
    const root = 'apps/shop';
    const report = await runReady(
      { workspaceRoot: corpus, projectName: 'shop', projectRoot: root, resultsDir: `dist/ready/${root}`, options: {}, targets: {} },
      { minScore: 0, checks: ['typescript-strict', 'images', 'env', 'code-splitting'] },
    );
    return report.score;
  },
  async 'build-production:overhead'() {
    const { runBuildProduction } = lib('executors/build-production/executor');
    const ws = extra;
    const context = {
      root: ws,
      projectName: '@ws/web',
      projectsConfigurations: { version: 2, projects: { '@ws/web': { root: 'apps/web' } } },
      projectGraph: { nodes: {}, dependencies: {}, externalNodes: {} },
    };
    const report = await runBuildProduction({ outputPath: 'tmp/bench-out/{projectRoot}', budgets: { firstLoadJsKb: 10_000 } }, context);
    return report.routes.length;
  },
};

const started = process.hrtime.bigint();
const count = await cases[name]();
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(JSON.stringify({ ms, rssMb: Math.round(process.resourceUsage().maxRSS / 1024), count }) + '\n');
