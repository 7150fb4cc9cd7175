#!/usr/bin/env node
// `npm run bench [-- <name>]`: every codemod and executor against its peer, in one run, as ratios
// of medians (≥ 5 runs each, every run in a fresh process) with peak RSS. Writes tools/bench/RESULTS.md.
import { packReady } from '../pack-ready.mjs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { writeCorpus } from './corpus.mjs';
import { nodeLts } from './node-lts.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const corpus = join(root, 'tmp', 'bench', 'corpus');
const plugin = join(root, 'dist', 'packages', 'ready');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const only = process.argv[2];

console.log('building the plugin');
execFileSync('npx', ['nx', 'run', 'ready:build', '--skip-nx-cache'], {
  cwd: root,
  stdio: 'ignore',
  env: { ...process.env, NX_DAEMON: 'false' },
});
const files = writeCorpus(corpus, join(root, 'packages/ready/src/codemods/next-image/__fixtures__/public/hero.png'));
console.log(`corpus: ${files} .ts/.tsx files in ${corpus}`);

// Every figure on the Node that runs the bench and on the current LTS (24), in the same run.
const lts = nodeLts(join(root, 'tmp', 'bench'));
const nodes = [{ label: `Node ${process.version}`, bin: process.execPath }];
if (lts.bin && lts.bin !== process.execPath) nodes.push({ label: `Node ${lts.version}`, bin: lts.bin });
const ltsNote = lts.why ? ` Node 24 is not measured: ${lts.why}.` : '';
console.log(`nodes: ${nodes.map((n) => n.label).join(', ')}${ltsNote}`);
/** PATH with this Node first, for commands (npx, nx, next) that run on the Node they find. */
const pathFor = (node) => `${join(node.bin, '..')}:${process.env.PATH}`;

function measure(name, extra = '', node = nodes[0]) {
  const once = () => {
    const out = execFileSync(node.bin, [join(import.meta.dirname, 'run-one.mjs'), name, corpus, plugin, extra], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, PATH: pathFor(node) },
    });
    return JSON.parse(out.trim().split('\n').pop());
  };
  // One run first, not counted, for every engine alike: the disk cache is warm and, on Node ≥ 22,
  // the module compile cache that our entry points enable is filled, as after a user's first run.
  once();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(once());
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const result = {
    name: nodes.length > 1 ? `${name} · ${node.label}` : name,
    medianMs: ms[Math.floor(ms.length / 2)],
    minMs: ms[0],
    maxMs: ms[ms.length - 1],
    peakRssMb: Math.max(...runs.map((r) => r.rssMb)),
    count: runs[0].count,
    details: runs[0],
  };
  console.log(
    `  ${name}: median ${result.medianMs.toFixed(0)} ms (${result.minMs.toFixed(0)}–${result.maxMs.toFixed(0)}), peak RSS ${result.peakRssMb} MB, result ${result.count}`,
  );
  return result;
}

const sections = [];
const push = (section) => sections.push({ ...section, key: current });
/** Which `npm run bench -- <name>` measures a section: one name rewrites only its own section. */
let current = null;
const ratio = (a, b) => (b.medianMs / a.medianMs).toFixed(1);

if (!only || only === 'next-image') {
  current = 'next-image';
  console.log('next-image vs @next/codemod next-image-experimental (jscodeshift)');
  const rows = [];
  const verdicts = [];
  for (const node of nodes) {
    const ours = measure('next-image:ours', '', node);
    const peer = measure('next-image:peer', '', node);
    rows.push(ours, peer);
    verdicts.push(
      `${node.label}: ours is ${ratio(ours, peer)}× faster with @nx/devkit loaded on the clock (goal ≥ 20×), ${(peer.medianMs / (ours.medianMs - ours.details.devkitMs)).toFixed(1)}× without the ${ours.details.devkitMs.toFixed(0)} ms of loading it that \`nx g\` spends before any generator runs; peak RSS ${ours.peakRssMb} MB (goal ≤ 300 MB). Ours converted ${ours.count} raw <img>; the peer changed ${peer.count} files.`,
    );
  }
  push({
    title: 'next-image over the corpus apps vs @next/codemod `next-image-experimental` over the same files',
    rows,
    verdict: `${verdicts.join(' ')} The peer rewrites next/legacy/image (it has no raw <img> conversion: it is the nearest existing tool). On both clocks: the conversion of every file (list, read, text filter, parse, analysis, rewrite, the parse that checks the output) and, for ours, the next.config.* edits; ours parses with @babel/parser and loads no TypeScript. Off both: the generator's type-check safety net, which loads TypeScript for the TypeScript files a conversion changed (the peer has none).${ltsNote}`,
  });
}
if (!only || only === 'env' || only === 'dynamic-import') {
  current = 'env';
  console.log('env and dynamic-import vs a full ts-morph parse of every file');
  const rows = [];
  const verdicts = [];
  for (const node of nodes) {
    const full = measure('full-parse', '', node);
    // One section for both: a run of either measures both, so that the section keeps its rows.
    for (const name of ['env', 'dynamic-import']) {
      const r = measure(`${name}:ours`, '', node);
      rows.push(r);
      const goal = name === 'dynamic-import' ? ' (goal ≥ 8×, ≤ 250 MB)' : '';
      verdicts.push(`${node.label}: ${name} is ${ratio(r, full)}× faster than parsing every file${goal}, peak RSS ${r.peakRssMb} MB`);
    }
    rows.push(full);
  }
  push({
    title: 'env and dynamic-import over the whole corpus vs a full ts-morph parse of the same files',
    rows,
    verdict: `${verdicts.join('; ')}. Ours filters by text first and parses only the files that can hold what it looks for; dynamic-import decides "used only as a JSX element" by a scope walk over each file's own tree.${ltsNote}`,
  });
}
if (!only || only === 'strict') {
  current = 'strict';
  console.log('strict on the non-strict library vs one tsc --noEmit and vs ts-migrate');
  const rows = [];
  const speed = [];
  let ours, peer;
  for (const node of nodes) {
    ours = measure('strict:ours', '', node);
    const tsc = measure('strict:tsc', '', node);
    peer = measure('strict:ts-migrate', '', node);
    rows.push(ours, tsc, peer);
    speed.push(
      `${node.label}: ours takes ${(ours.medianMs / tsc.medianMs).toFixed(2)}× one tsc --noEmit (goal ≤ 3×) and is ${ratio(ours, peer)}× faster than ts-migrate.`,
    );
  }
  const o = ours.details;
  const p = peer.details;
  const pct = (n) => ((100 * n) / o.errors).toFixed(0);
  push({
    title: 'strict on libs/legacy (200 files, strict: false) vs one `tsc --noEmit` of it and vs ts-migrate `migrate` on a copy',
    rows,
    verdict: [
      ...speed,
      `Strict mode raised ${o.errors} errors: ours fixed ${o.fixed} with the language service's code fixes (${pct(o.fixed)} %, goal ≥ 40 %; ${o.explicitAny} of them are \`: any\` annotations where there was no usage to infer from, so ${pct(o.fixed - o.explicitAny)} % got a real type) and suppressed ${o.suppressed}; tsc --strict then reports ${o.strictErrorsAfter} errors.`,
      `ts-migrate wrote ${p.suppressed} @ts-expect-error comments and ${p.explicitAny} \`: any\` annotations (no real types); tsc --strict then reports ${p.strictErrorsAfter} errors. With this TypeScript its add-conversions plugin fails on each file (${p.pluginFailures} plugin errors, exit code ${p.exitCode}); the other plugins run and it writes every file, which is what is compared.`,
      'The "result" column is the number of suppressions each tool wrote. tsc and ts-migrate run as child processes, so their peak RSS is not measured here.',
    ].join(' '),
  });
}
if (!only || only === 'ready') {
  current = 'ready';
  console.log('ready on one ~500-file project');
  const rows = [];
  const verdicts = [];
  for (const node of nodes) {
    const r = measure('ready', '', node);
    rows.push(r);
    verdicts.push(
      `${node.label}: ${r.medianMs.toFixed(0)} ms (goal ≤ 1,000 ms), peak RSS ${r.peakRssMb} MB (goal ≤ 300 MB); @nx/devkit took ${r.details.devkitMs.toFixed(0)} ms to load before the clock`,
    );
  }
  push({
    title: 'the ready checks that read sources (typescript-strict, images, env, code-splitting) on apps/shop (~520 files), in-process',
    rows,
    verdict:
      `${verdicts.join('; ')}. ` +
      "On the clock: loading the checks and what they use (ts-morph's TypeScript, esbuild), one listing and one read of the project's files, one TypeScript parse of each file a check's text filter lets through (shared by the checks; images parses the files holding <img with @babel/parser, its codemod's parser), the analyses. " +
      "Off the clock: @nx/devkit, which Nx has loaded in the executor's process before ready runs (what is left of it there was measured at 131 ms in the end-to-end workspace)." +
      ltsNote,
  });
}
/**
 * The workspace with the real Next.js app (`npm run demo`'s or the end-to-end suite's), or null
 * after a section saying it was not measured and why.
 */
function realAppWorkspace(title) {
  const source = [join(root, 'tmp', 'e2e', 'ws'), join(root, 'tmp', 'demo', 'ws')].find((w) =>
    existsSync(join(w, 'apps', 'web', 'next.config.js')),
  );
  if (!source)
    push({
      title,
      rows: [],
      verdict:
        'not measured: it needs the real Next.js app of `npm run demo` or the end-to-end suite (tmp/demo/ws or tmp/e2e/ws); run one first.',
    });
  return source ?? null;
}

if (!only || only === 'build-production') {
  current = 'build-production';
  const source = realAppWorkspace('build-production overhead');
  if (source) {
    // The workspace gets the plugin as built now, from its tarball, as a user installs it.
    const tarball = packReady({ quiet: true });
    execFileSync('npm', ['i', '-D', tarball, '--no-audit', '--no-fund'], { cwd: source, stdio: 'ignore' });
    const { ROUTES, writeBigApp } = await import('./big-app.mjs');
    const big = writeBigApp(source, join(root, 'tmp', 'bench', 'big-app'));
    execFileSync('npm', ['i', '-D', tarball, '--no-audit', '--no-fund'], { cwd: big, stdio: 'ignore' });
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const row = (name, xs) => ({ name, medianMs: median(xs), minMs: Math.min(...xs), maxMs: Math.max(...xs), peakRssMb: 0, count: 0 });
    const rows = [];
    const verdicts = [];
    for (const [label, ws] of [
      [`the sample app (1 route)`, source],
      [`the ${ROUTES}-route app`, big],
    ]) {
      for (const node of nodes) {
        console.log(`build-production vs the bare next build: ${label}, ${node.label} (${ws})`);
        const timed = (cmd, args, cwd, extraEnv = {}) => {
          const t = process.hrtime.bigint();
          const r = spawnSync(cmd, args, {
            cwd,
            stdio: 'ignore',
            env: { ...process.env, PATH: pathFor(node), NEXT_TELEMETRY_DISABLED: '1', NX_DAEMON: 'false', ...extraEnv },
          });
          if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} on ${node.label}`);
          return Number(process.hrtime.bigint() - t) / 1e6;
        };
        // Nx's plugin workers off for both commands of the like-for-like pair: build-record's nested
        // `nx run` loads plugins in-process, so with the default (workers on) the outer commands would
        // not start alike and the plain build would pay seconds the nested one does not.
        const inProcess = { NX_ISOLATE_PLUGINS: 'false' };
        const build = ['nx', 'run', '@ws/web:build', '--skip-nx-cache'];
        const production = ['nx', 'run', '@ws/web:build-production', '--skip-nx-cache'];
        // One build first, not counted: the disk cache is warm for every column alike.
        timed('npx', production, ws);
        // Interleaved, so that a slow minute of the machine hits every column alike. Each pair runs back
        // to back, which of its two commands goes first swapped every round: its difference is taken
        // within the round, where a slow minute hits both commands alike.
        const runs = { bare: [], build: [], production: [], buildIn: [], productionIn: [] };
        const pair = (round, env, buildRuns, productionRuns) => {
          const order = round % 2 === 0 ? ['build', 'production'] : ['production', 'build'];
          const ms = Object.fromEntries(order.map((k) => [k, timed('npx', k === 'build' ? build : production, ws, env)]));
          buildRuns.push(ms.build);
          productionRuns.push(ms.production);
        };
        for (let i = 0; i < RUNS; i++) {
          runs.bare.push(timed('npx', ['next', 'build'], join(ws, 'apps', 'web')));
          pair(i, {}, runs.build, runs.production);
          pair(i, inProcess, runs.buildIn, runs.productionIn);
        }
        const differences = (a, b) => a.map((x, i) => x - b[i]);
        const tag = (name) => `${label}: ${name}${nodes.length > 1 ? ` · ${node.label}` : ''}`;
        const bare = row(tag('bare next build'), runs.bare);
        const nxBuild = row(tag('nx run build'), runs.build);
        const nxProduction = row(tag('nx run build-production (build, security-audit beside it, build-production)'), runs.production);
        const nxBuildIn = row(tag('nx run build, NX_ISOLATE_PLUGINS=false'), runs.buildIn);
        const nxProductionIn = row(tag('nx run build-production, NX_ISOLATE_PLUGINS=false'), runs.productionIn);
        for (const r of [bare, nxBuild, nxProduction, nxBuildIn, nxProductionIn])
          console.log(`  ${r.name}: median ${r.medianMs.toFixed(0)} ms`);
        // The work after the build on its own, in-process (the audit recorded by the runs above is reused).
        const over = measure('build-production:overhead', ws, node);
        over.name = tag('build-production work in-process');
        rows.push(nxProductionIn, nxBuildIn, nxProduction, nxBuild, over, bare);
        const signed = (ms) => (ms >= 0 ? `${(ms / 1000).toFixed(1)} s more than` : `${(-ms / 1000).toFixed(1)} s less than`);
        const pct = (ms) => `${((100 * ms) / bare.medianMs).toFixed(1)} %`;
        const likes = differences(runs.productionIn, runs.buildIn);
        const like = median(likes);
        const dflt = median(differences(runs.production, runs.build));
        const range = (xs) => `${(Math.min(...xs) / 1000).toFixed(1)} to ${(Math.max(...xs) / 1000).toFixed(1)} s`;
        verdicts.push(
          `${label}, ${node.label}: the bare build takes ${(bare.medianMs / 1000).toFixed(1)} s; with both commands started alike (plugins in-process), \`nx run build-production\` takes ${signed(like)} \`nx run build\` (median of the ${likes.length} differences within a round; they range ${range(likes)}), ` +
            `**${pct(like)} of the bare build** (goal ≤ 10 % on an app whose bare build takes ≥ 30 s); with Nx's defaults (plugin workers on) it takes ${signed(dflt)} it (${pct(dflt)}); its work in-process (route sizes, audit record, manifest, deploy package) is ${over.medianMs.toFixed(0)} ms.`,
        );
      }
    }
    push({
      title: `build-production: what it adds to the build (route sizes, audit, manifest, deploy package) vs the bare \`next build\`, on the sample app and on a ${ROUTES}-route app`,
      rows,
      verdict:
        `${verdicts.join(' ')} ` +
        `The ${ROUTES}-route app is tools/bench/big-app.mjs: each route a server page around a client component of its own, using ${Object.keys((await import('./big-app.mjs')).CLIENT_DEPENDENCIES).join(', ')} from the npm registry. ` +
        'Both commands run the same Nx (no daemon) and build the app once: build-production depends on build-record, which runs the build, and on security-audit, which depends on nothing, so Nx runs the audit while the build runs (this registry answers the audit request with 405, so the audit says "unavailable"). ' +
        "build-record runs the build through a nested `nx run`, which loads the workspace's plugins in its own process (NX_ISOLATE_PLUGINS=false, unless the user set it) and reuses the project graph the outer run cached (NX_FORCE_REUSE_CACHED_GRAPH=true). With Nx's defaults and no daemon, Nx 23 starts a worker process per plugin each time it computes the project graph, three times before `nx run` starts the task in this workspace (NX_PERF_LOGGING shows it): that costs the plain `nx run build` seconds the nested run skips, so with the defaults build-production can finish sooner than build. The goal figure is therefore the pair started alike (NX_ISOLATE_PLUGINS=false for both commands), as the median of its differences within a round (the two commands back to back, which goes first swapped every round; the rows' medians come from different rounds, and a round's build varies by seconds on two cores): its difference is the nested `nx run`'s start (its graph read from the cache), Nx's scheduling of the three extra tasks, and build-production's own work (measured apart in-process). " +
        ltsNote,
    });
  }
}

if (!only || only === 'smoke') {
  current = 'smoke';
  const source = realAppWorkspace('smoke: its own overhead beside the boot and the load');
  if (source) {
    const tarball = packReady({ quiet: true });
    const { ROUTES, writeBigApp } = await import('./big-app.mjs');
    const big = writeBigApp(source, join(root, 'tmp', 'bench', 'big-app'));
    execFileSync('npm', ['i', '-D', tarball, '--no-audit', '--no-fund'], { cwd: big, stdio: 'ignore' });
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NX_DAEMON: 'false', NX_TUI: 'false' };
    console.log(`smoke on the ${ROUTES}-route app: build-production once, then ${RUNS} smoke runs`);
    execFileSync('npx', ['nx', 'run', '@ws/web:build-production'], { cwd: big, stdio: 'ignore', env });
    // smoke alone, out of the cache: its dependencies (the build, the audit, the packing) stay as built above.
    const args = ['nx', 'run', '@ws/web:smoke', '--excludeTaskDependencies', '--skip-nx-cache', '--amount=20', '--connections=5'];
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const t = process.hrtime.bigint();
      const r = spawnSync('npx', args, { cwd: big, stdio: 'ignore', env });
      const wall = Number(process.hrtime.bigint() - t) / 1e6;
      const json = JSON.parse(readFileSync(join(big, 'dist', 'ready', 'apps', 'web', 'smoke.json'), 'utf8'));
      if (json.routes.length < ROUTES) throw new Error(`smoke requested ${json.routes.length} routes of ${ROUTES} (exit ${r.status})`);
      const own = json.timings.totalMs - json.bootMs - json.timings.probeMs - json.timings.loadMs;
      runs.push({
        wall,
        total: json.timings.totalMs,
        boot: json.bootMs,
        probe: json.timings.probeMs,
        load: json.timings.loadMs,
        own,
        routes: json.routes.length,
        requests: json.routes.reduce((n, x) => n + (x.load?.requests ?? 0), 0),
      });
    }
    // The peer, in the same run: the script a team writes around the same library (k6 and Lighthouse CI
    // are not on the npm registry as load tools; both run against a URL a team starts by hand), which
    // starts next start, waits for it, then runs the autocannon CLI once per route with the same load.
    const paths = JSON.parse(readFileSync(join(big, 'dist', 'ready', 'apps', 'web', 'smoke.json'), 'utf8')).routes.map((x) => x.path);
    const autocannonCli = createRequire(join(big, 'package.json')).resolve('autocannon/autocannon.js');
    const nextCli = createRequire(join(big, 'apps', 'web', 'package.json')).resolve('next/dist/bin/next');
    const peer = [];
    for (let i = 0; i < RUNS; i++) {
      const port = 41000 + i;
      const t = process.hrtime.bigint();
      const server = spawn(process.execPath, [nextCli, 'start', '-p', String(port), '-H', '127.0.0.1'], {
        cwd: join(big, 'apps', 'web'),
        env: { ...env, NODE_ENV: 'production' },
        stdio: 'ignore',
        detached: true,
      });
      try {
        for (let up = false; !up; ) {
          up = spawnSync('curl', ['-s', '-o', '/dev/null', `http://127.0.0.1:${port}/`]).status === 0;
          if (!up) await new Promise((r) => setTimeout(r, 100));
        }
        for (const path of paths)
          spawnSync(process.execPath, [autocannonCli, '-a', '20', '-c', '5', '--json', `http://127.0.0.1:${port}${path}`], {
            stdio: 'ignore',
          });
        peer.push({ wall: Number(process.hrtime.bigint() - t) / 1e6 });
      } finally {
        process.kill(-server.pid, 'SIGTERM');
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const row = (name, key, from = runs) => {
      const xs = from.map((x) => x[key]);
      return { name, medianMs: median(xs), minMs: Math.min(...xs), maxMs: Math.max(...xs), peakRssMb: 0, count: runs[0].routes };
    };
    const rows = [
      row('nx run smoke (wall, no daemon)', 'wall'),
      row('the executor, start to smoke.json', 'total'),
      row("the app's boot (server start to first answer)", 'boot'),
      row('one request per route', 'probe'),
      row(`load phase (autocannon, 20 requests per route, 5 connections)`, 'load'),
      row("the target's own work (unpack, routes, stop, write)", 'own'),
      row('peer: next start + the autocannon CLI per route (same load, no headers, no per-route verdict)', 'wall', peer),
    ];
    const m = (key) => median(runs.map((x) => x[key]));
    push({
      title: `smoke: the target's own overhead beside the app's boot and the load phase, on the ${ROUTES}-route app`,
      rows,
      verdict:
        `${RUNS} runs of \`nx run @ws/web:smoke --excludeTaskDependencies --skip-nx-cache --amount=20 --connections=5\` on tools/bench/big-app.mjs (${ROUTES} routes, ${runs[0].requests} requests under load per run; built once by build-production before the runs; the app is not standalone, so it starts with next start). ` +
        `The target's own work (unpacking, reading the routes from the manifests, stopping the server, writing smoke.json) is ${m('own').toFixed(0)} ms, ${((100 * m('own')) / m('load')).toFixed(1)} % of the load phase (${(m('load') / 1000).toFixed(1)} s) and ${((100 * m('own')) / m('total')).toFixed(1)} % of the executor's run; the app's boot is ${m('boot').toFixed(0)} ms; Nx's start takes the rest of the wall time (${((m('wall') - m('total')) / 1000).toFixed(1)} s). ` +
        `The peer, the script a team writes (next start, then the autocannon CLI once per route with the same 20 requests and 5 connections; no header check, no budgets), takes ${(median(peer.map((x) => x.wall)) / 1000).toFixed(1)} s: **smoke's whole \`nx run\` is ${(median(peer.map((x) => x.wall)) / m('wall')).toFixed(1)}× faster** (one autocannon run over every route; the CLI ends each run on its one-second tick). The rows column "result" is the routes requested.` +
        ltsNote,
    });
  }
}

if (!only || only === 'graph') {
  current = 'graph';
  const source = join(root, 'tmp', 'e2e', 'ws');
  if (!existsSync(join(source, 'node_modules', '@plinto', 'ready'))) {
    push({
      title: "the plugin's cost on every Nx command",
      rows: [],
      verdict: "not measured: it copies the end-to-end suite's workspace (tmp/e2e/ws, with the plugin installed); run the suite first.",
    });
  } else {
    console.log("the plugin's cost on every Nx command: nx show projects on 300 projects, with and without the plugin");
    // The source workspace gets the plugin as built now, from its tarball, as a user installs it.
    execFileSync('npm', ['i', '-D', packReady({ quiet: true }), '--no-audit', '--no-fund'], { cwd: source, stdio: 'ignore' });
    const { writeGraphWorkspaces } = await import('./graph-workspace.mjs');
    const spaces = writeGraphWorkspaces(source, join(root, 'tmp', 'bench', 'graph'));
    const nxBin = createRequire(join(source, 'package.json')).resolve('nx/bin/nx');
    const show = (ws, cold, node, { daemon = false, args = ['show', 'projects'] } = {}) => {
      const data = join(ws, '.nx', 'workspace-data');
      if (cold) rmSync(data, { recursive: true, force: true });
      const t = process.hrtime.bigint();
      const r = spawnSync(node.bin, [nxBin, ...args], {
        cwd: ws,
        encoding: 'utf8',
        env: {
          ...process.env,
          NX_DAEMON: daemon ? 'true' : 'false',
          NX_NO_CLOUD: 'true',
          NX_TUI: 'false',
          NX_WORKSPACE_DATA_DIRECTORY: data,
          NX_CACHE_DIRECTORY: join(ws, '.nx', 'cache'),
        },
      });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (r.status !== 0) throw new Error(`nx ${args.join(' ')} failed in ${ws}:\n${r.stdout}${r.stderr}`);
      return { ms, projects: r.stdout.trim().split('\n').length };
    };
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const row = (name, runs) => {
      const xs = runs.map((r) => r.ms);
      return { name, medianMs: median(xs), minMs: Math.min(...xs), maxMs: Math.max(...xs), peakRssMb: 0, count: runs[0].projects };
    };
    const rows = [];
    const verdicts = [];
    const cost = (a, b) => (100 * (a.medianMs - b.medianMs)) / b.medianMs;
    const load = loadavg()[0];
    for (const node of nodes) {
      // The three workspaces in run order (row order: ours, without, the plugin that infers nothing).
      const copies = [
        ['without', spaces.without, 'without'],
        ['with', spaces.with, 'with @plinto/ready'],
        ['noop', spaces.noop, 'with a plugin that infers nothing'],
      ];
      const regimes = [
        // No daemon, workspace data removed before each run.
        { name: 'cold', once: (ws) => show(ws, true, node) },
        // No daemon, Nx's workspace data kept from an uncounted run.
        { name: 'warm', prime: true, once: (ws) => show(ws, false, node) },
        // The daemon (Nx's default outside CI): each workspace's daemon computes the graph in an
        // uncounted run, then every command asks it; stopped afterwards.
        {
          name: 'daemon',
          prime: true,
          once: (ws) => show(ws, false, node, { daemon: true }),
          after: (ws) => show(ws, false, node, { daemon: true, args: ['daemon', '--stop'] }),
        },
      ];
      const tag = (name) => (nodes.length > 1 ? `${name} · ${node.label}` : name);
      const byRegime = {};
      for (const regime of regimes) {
        const runs = Object.fromEntries(copies.map(([key]) => [key, []]));
        try {
          if (regime.prime) for (const [, ws] of copies) regime.once(ws);
          // Interleaved: a slow minute of the machine hits the three alike.
          for (let i = 0; i < RUNS; i++) for (const [key, ws] of copies) runs[key].push(regime.once(ws));
        } finally {
          if (regime.after) for (const [, ws] of copies) regime.after(ws);
        }
        const byKey = Object.fromEntries(
          copies.map(([key, , label]) => [key, row(tag(`${regime.name}: nx show projects, ${label}`), runs[key])]),
        );
        for (const key of ['with', 'without', 'noop']) {
          console.log(`  ${byKey[key].name}: median ${byKey[key].medianMs.toFixed(0)} ms`);
          rows.push(byKey[key]);
        }
        byRegime[regime.name] = byKey;
      }
      const costs = (name) =>
        [cost(byRegime[name].with, byRegime[name].without), cost(byRegime[name].noop, byRegime[name].without)].map((c) => c.toFixed(1));
      const [cold, warm, daemon] = ['cold', 'warm', 'daemon'].map(costs);
      verdicts.push(
        `${node.label}: cold (no daemon, workspace data removed before each run) the plugin adds ${cold[0]} % (goal ≤ 5 %), ` +
          `a plugin that infers nothing ${cold[1]} %; ` +
          `warm (no daemon, Nx's workspace data kept) ${warm[0]} % (goal ≤ 5 %), the plugin that infers nothing ${warm[1]} %; ` +
          `with the daemon up and its graph computed (Nx's default outside CI) ${daemon[0]} %, the plugin that infers nothing ${daemon[1]} %.`,
      );
    }
    push({
      title:
        "the plugin's cost on every Nx command: `nx show projects` on 300 projects (100 Next.js apps, 200 libraries, jest), with and without @plinto/ready in nx.json, and with a plugin that infers nothing",
      rows,
      verdict:
        `${verdicts.join(' ')} ` +
        "The workspace is the end-to-end suite's (Nx 23 with @nx/js/typescript, @nx/next, @nx/eslint and @nx/jest in nx.json) copied 300 times; " +
        'the copies differ only in the plugin entry of nx.json. ' +
        'The third copy registers a plugin that matches the same files as ours and infers nothing (`createNodes` returns no project): ' +
        'Nx runs each plugin in a worker process of its own (plugin isolation, on by default, with no per-plugin opt-out), so its row is the floor any plugin pays before doing any work; the difference between ours and it is what our plugin itself costs. ' +
        `Load average of the machine when the runs began: ${load.toFixed(1)} on ${cpus().length} cores (above the core count, the two columns share a busy machine and their difference is noisy).${ltsNote}`,
    });
  }
}

if (!only || only === 'real-code') {
  current = 'real-code';
  console.log('real code from the npm registry: every generator over every app, twice');
  const tarball = packReady({ quiet: true });
  const { classTable, realCodeTable, runRealCodeSuite } = createRequire(import.meta.url)('../real-code.cjs');
  const started = Date.now();
  const suite = runRealCodeSuite(join(tmpdir(), 'plinto-ready-real-code-bench'), tarball, (m) => console.log(`  ${m}`));
  const secondRunChanges = suite.runs.filter((r) => r.secondChanged !== '').map((r) => r.generator);
  const rejected = Object.entries(suite.envChecks).filter(([, c]) => !c.ok);
  push({
    title: 'Real code: Next.js application sources published on the npm registry, every generator over every app (counts per source)',
    markdown: realCodeTable(suite),
    verdict:
      `Assembled at run time into a package-based npm-workspaces Nx repository (tools/real-code.cjs; \`npm test\` runs the same suite and asserts its rules); ${((Date.now() - started) / 1000).toFixed(0)} s in all. ` +
      `A second run changed ${secondRunChanges.length ? secondRunChanges.join(', ') : 'nothing'}; ` +
      `env schemas loaded with .env.production, placeholder secrets and the platform's variables: ${Object.keys(suite.envChecks).length - rejected.length} of ${Object.keys(suite.envChecks).length} accept them; ` +
      `each module loaded with and without .env.production gave the same value for every variable in ${Object.values(suite.envChecks).filter((c) => c.envFile.ok && c.envFile.differs.length === 0).length} of ${Object.keys(suite.envChecks).length}. ` +
      'The registry publishes few Next.js app sources with raw <img> tags or heavy client libraries, so next-image and dynamic-import find little in them; the classes app (written for the suite) holds one case per class, counted below.',
  });
  current = 'real-code-classes';
  const cases = suite.classes.flatMap((c) => Object.keys(c.expected).map((n) => c.got[n] === c.expected[n]));
  push({
    title: 'Real code, by class: the classes app written for the suite (tools/real-code), every generator over it',
    markdown: classTable(suite),
    verdict:
      `${cases.filter(Boolean).length} of ${cases.length} cases as tools/real-code/expected.json says. ` +
      `After every generator (env with --rewrite), \`next build\` of the app with only its .env.production (no secret set): ${suite.build.code === 0 ? 'passes' : `fails (exit ${suite.build.code})`}. ` +
      `Its dependencies kept their order (${suite.churn.dependencyOrderKept ? 'yes' : 'no'}; added: ${suite.churn.dependenciesAdded.join(', ') || 'none'}); the root .gitignore, whose *.local already covers .env*.local, ${suite.churn.gitignoreDiff === '' ? 'was not touched' : 'was changed'}.`,
  });
}

const versions = JSON.parse(
  execFileSync('npm', ['ls', 'ts-morph', '@next/codemod', 'jscodeshift', 'nx', 'typescript', 'ts-migrate', '--json', '--depth=1'], {
    cwd: root,
    encoding: 'utf8',
  }) || '{}',
);
const md = [
  '# Benchmark results',
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Versions: nx ${versions.dependencies?.nx?.version}, ts-morph ${versions.dependencies?.['ts-morph']?.version}, @next/codemod ${versions.dependencies?.['@next/codemod']?.version}, typescript ${versions.dependencies?.typescript?.version}, ts-migrate ${versions.dependencies?.['ts-migrate']?.version}.`,
  `Corpus: ${files} files, generated by tools/bench/corpus.mjs (seeded, same bytes every run). Each figure is the median of ${RUNS} runs, each run in a fresh Node process; peak RSS is that process's.`,
  '',
  ...sections.flatMap((s) => [
    `## ${s.title}`,
    `<!-- bench: ${s.key} -->`,
    '',
    ...(s.markdown
      ? [s.markdown]
      : [
          '| engine | median ms | min–max ms | peak RSS MB | result |',
          '| --- | ---: | --- | ---: | ---: |',
          ...s.rows.map(
            (r) =>
              `| ${r.name} | ${r.medianMs.toFixed(0)} | ${r.minMs.toFixed(0)}–${r.maxMs.toFixed(0)} | ${r.peakRssMb || '–'} | ${r.count} |`,
          ),
        ]),
    '',
    s.verdict,
    '',
  ]),
].join('\n');
// A run of one measurement replaces its own section of RESULTS.md and keeps the others.
const resultsPath = join(import.meta.dirname, 'RESULTS.md');
let out = md;
if (only && existsSync(resultsPath)) {
  const bodyOf = (text) => text.split(/^(?=## )/m);
  const fresh = new Map(
    bodyOf(md)
      .slice(1)
      .map((b) => [/<!-- bench: (\S+) -->/.exec(b)?.[1], b]),
  );
  const [head, ...old] = bodyOf(readFileSync(resultsPath, 'utf8'));
  const kept = old.map((b) => fresh.get(/<!-- bench: (\S+) -->/.exec(b)?.[1]) ?? b);
  for (const [key, b] of fresh) if (!old.some((o) => o.includes(`<!-- bench: ${key} -->`))) kept.push(b);
  out = [
    head.replace(
      /^Machine: .*$/m,
      md.split('\n').find((l) => l.startsWith('Machine: ')),
    ),
    ...kept,
  ].join('');
}
// RESULTS.md is part of the repository, whose format is Prettier's.
const prettier = await import('prettier');
const options = (await prettier.resolveConfig(resultsPath)) ?? {};
writeFileSync(resultsPath, await prettier.format(out, { ...options, filepath: resultsPath }));
console.log(only ? out : `\nwritten tools/bench/RESULTS.md`);
