// The real-code suite: Next.js application sources that packages on the npm registry publish
// (create-next-app's templates, create-t3-app's CLI output, Blitz's app templates), assembled at
// run time into a package-based npm-workspaces Nx repository (never committed), with every
// generator of the plugin run over them as a user would. Used by the end-to-end spec (which
// asserts the rules) and by `npm run bench -- real-code` (which writes the counts to RESULTS.md).
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { SAMPLE_ENV } = require('./sample-workspace.cjs');

/** Each source: a folder of a published package, or what a published CLI writes. Versions pinned. */
const SOURCES = [
  { app: 'cna16-app', label: 'create-next-app 16.4.3, app router (ts)', pkg: 'create-next-app@16.4.3', dir: 'dist/templates/app/ts' },
  {
    app: 'cna16-pages',
    label: 'create-next-app 16.4.3, pages router (ts)',
    pkg: 'create-next-app@16.4.3',
    dir: 'dist/templates/default/ts',
  },
  {
    app: 'cna14-app',
    label: 'create-next-app 14.2.15, app router + tailwind (ts)',
    pkg: 'create-next-app@14.2.15',
    dir: 'dist/templates/app-tw/ts',
  },
  {
    app: 'cna14-pages',
    label: 'create-next-app 14.2.15, pages router (ts)',
    pkg: 'create-next-app@14.2.15',
    dir: 'dist/templates/default/ts',
  },
  { app: 'blitz-app', label: '@blitzjs/generator 3.0.2, app router template', pkg: '@blitzjs/generator@3.0.2', dir: 'dist/templates/app' },
  {
    app: 'blitz-pages',
    label: '@blitzjs/generator 3.0.2, pages router template',
    pkg: '@blitzjs/generator@3.0.2',
    dir: 'dist/templates/pages',
  },
  {
    app: 't3-app',
    label: 'create-t3-app 7.40.0 (app router, tRPC, NextAuth, Prisma, t3-env)',
    cli: 'create-t3-app@7.40.0',
    args: '--CI --noGit --noInstall --appRouter --tailwind --nextAuth --prisma --trpc --dbProvider postgres',
  },
];

/** The generators in the order a team would run them, each over every app. */
const GENERATORS = [
  { name: 'next-image', args: '--all' },
  { name: 'dynamic-import', args: '--all --measure=false' },
  { name: 'env', args: '--all --rewrite --skipInstall' },
  { name: 'strict', args: '--all' },
];

/** Placeholders a deploy would hold: platform variables, and a value for every variable left empty. */
const PLATFORM_ENV = { NODE_ENV: 'production', VERCEL: '1', VERCEL_ENV: 'production', VERCEL_URL: 'app.vercel.app', CI: '1' };
const placeholder = (name) => (/(URL|URI|ENDPOINT|ORIGIN)$/.test(name) ? 'https://placeholder.example.com' : 'placeholder-value');

function sh(command, cwd, { env = {}, ok = true } = {}) {
  const r = spawnSync('bash', ['-c', command], {
    cwd,
    env: { ...SAMPLE_ENV, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (ok && r.status !== 0) throw new Error(`"${command}" exited ${r.status} in ${cwd}:\n${output.slice(-6000)}`);
  return { code: r.status ?? 1, output };
}

/**
 * Creates `<dir>/ws`: an npm-workspaces repository with Nx and the packed plugin, one app per
 * source under apps/, initialised with `nx g @plinto/ready:init` and committed. Registry packages
 * are fetched with `npm pack` (sources) and `npm i` (the t3 CLI); install scripts are skipped
 * (Prisma's engines download), as offline CI does.
 */
function assembleRealCode(dir, tarball, log = () => undefined) {
  rmSync(dir, { recursive: true, force: true });
  const ws = join(dir, 'ws');
  const packs = join(dir, 'packs');
  mkdirSync(join(ws, 'apps'), { recursive: true });
  mkdirSync(packs, { recursive: true });
  const unpacked = new Map();
  for (const source of SOURCES.filter((s) => s.pkg)) {
    if (!unpacked.has(source.pkg)) {
      log(`npm pack ${source.pkg}`);
      const file = sh(`npm pack ${source.pkg} --silent`, packs).output.trim().split('\n').pop();
      const into = join(packs, file.replace(/\.tgz$/, ''));
      mkdirSync(into, { recursive: true });
      sh(`tar xzf ${file} -C ${JSON.stringify(into)}`, packs);
      unpacked.set(source.pkg, join(into, 'package'));
    }
    const app = join(ws, 'apps', source.app);
    cpSync(join(unpacked.get(source.pkg), source.dir), app, { recursive: true });
    // Template files the CLIs rename or fill in when they copy them.
    if (existsSync(join(app, 'gitignore'))) renameSync(join(app, 'gitignore'), join(app, '.gitignore'));
    for (const f of readdirSync(app)) if (/^package\..*json$/.test(f)) rmSync(join(app, f));
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: `@rc/${source.app}`, version: '0.0.0', private: true }, null, 2) + '\n',
    );
  }
  for (const source of SOURCES.filter((s) => s.cli)) {
    log(`${source.cli} ${source.args}`);
    // A folder of its own with a package.json: npm would otherwise install into the nearest one up.
    const cliDir = join(packs, 'cli');
    mkdirSync(cliDir, { recursive: true });
    writeFileSync(join(cliDir, 'package.json'), '{"private":true}\n');
    sh(`npm i ${source.cli} --no-audit --no-fund --ignore-scripts --silent`, cliDir, { env: { npm_config_before: '' } });
    const bin = join(cliDir, 'node_modules', source.cli.replace(/@[^@/]+$/, ''), 'dist', 'index.js');
    sh(`node ${JSON.stringify(bin)} ${source.app} ${source.args}`, join(ws, 'apps'));
    const pkgPath = join(ws, 'apps', source.app, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    writeFileSync(pkgPath, JSON.stringify({ ...pkg, name: `@rc/${source.app}` }, null, 2) + '\n');
  }
  const root = {
    name: 'real-code',
    private: true,
    workspaces: ['apps/*'],
    dependencies: { next: '16.1.6', react: '^19.0.0', 'react-dom': '^19.0.0', '@t3-oss/env-nextjs': '^0.13.11', zod: '^3.25.76' },
    devDependencies: {
      nx: '23.2.1',
      '@nx/devkit': '23.2.1',
      '@plinto/ready': `file:${tarball}`,
      typescript: '5.9.3',
      '@types/node': '^22.0.0',
      '@types/react': '^19.0.0',
      '@types/react-dom': '^19.0.0',
    },
  };
  writeFileSync(join(ws, 'package.json'), JSON.stringify(root, null, 2) + '\n');
  writeFileSync(join(ws, 'nx.json'), JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json' }, null, 2) + '\n');
  writeFileSync(join(ws, '.gitignore'), 'node_modules\n.nx\ndist\n.next\n');
  log('npm install (workspaces, install scripts skipped)');
  sh('npm install --no-audit --no-fund --ignore-scripts', ws);
  sh('git init -q && git add -A && git commit -q -m "real code as published"', ws);
  log('nx g @plinto/ready:init');
  sh('npx nx g @plinto/ready:init', ws);
  sh('git add -A && git commit -q -m "nx g @plinto/ready:init"', ws);
  return { ws, apps: SOURCES.map((s) => ({ ...s, project: `@rc/${s.app}`, root: `apps/${s.app}` })) };
}

/** tsc's errors for an app, counted by file (the app's own tsconfig, the workspace's TypeScript, no incremental state). */
function typeErrors(ws, appRoot) {
  sh(`find ${appRoot} -name '*.tsbuildinfo' -not -path '*/node_modules/*' -delete`, ws);
  const { output } = sh(`npx tsc --noEmit --pretty false -p ${appRoot}/tsconfig.json`, ws, { ok: false });
  const byFile = {};
  for (const m of output.matchAll(/^(.+?)\(\d+,\d+\): error TS\d+/gm)) byFile[m[1]] = (byFile[m[1]] ?? 0) + 1;
  return byFile;
}

/** Runs every generator twice over the workspace: the first run's output, and what the second changed. */
function runGenerators(ws) {
  const runs = [];
  for (const g of GENERATORS) {
    const first = sh(`npx nx g @plinto/ready:${g.name} ${g.args}`, ws, { ok: false });
    const changed = sh('git status --porcelain', ws).output.trim();
    sh(`git add -A && git commit -q --allow-empty -m "nx g @plinto/ready:${g.name}"`, ws);
    const second = sh(`npx nx g @plinto/ready:${g.name} ${g.args}`, ws, { ok: false });
    const secondChanged = sh('git status --porcelain', ws).output.trim();
    sh('git checkout -q -- . && git clean -q -fd', ws);
    runs.push({ generator: g.name, code: first.code, output: first.output, changed, secondCode: second.code, secondChanged });
  }
  return runs;
}

/** Counts per app from what each generator printed: converted, skipped by reason, and the rest. */
function countsFor(runs, app) {
  const out = {};
  const esc = app.project.replace(/[/@.]/g, (c) => `\\${c}`);
  const byReason = (text) => {
    const m = new RegExp(`^${esc} skipped by reason: (.+)$`, 'm').exec(text);
    return m ? m[1].trim() : '';
  };
  const converted = (text) => [...text.matchAll(/^\s+converted (\S+?):\d+/gm)].filter((m) => m[1].startsWith(`${app.root}/`)).length;
  for (const r of runs) {
    if (r.generator === 'next-image' || r.generator === 'dynamic-import') {
      out[r.generator] = { converted: converted(r.output), skipped: byReason(r.output) };
    } else if (r.generator === 'env') {
      const m = new RegExp(`^${esc}: (\\d+) variable`, 'm').exec(r.output);
      const rewrote = [...r.output.matchAll(/^\s+rewrote (\d+) read\(s\) in (\S+)/gm)].filter(
        (x) => x[2].startsWith(`${app.root}/`) && !r.output.includes(`withheld  ${x[2]}:`),
      );
      const existing = new RegExp(`^\\s+(${app.root}/\\S+) already validates the env`, 'm').exec(r.output);
      const written = envModuleOf(r.output, app);
      const withheld = written !== null && r.output.includes(`withheld  ${written}:`);
      out.env = {
        variables: m ? Number(m[1]) : 0,
        rewrote: rewrote.reduce((n, x) => n + Number(x[1]), 0),
        module: existing
          ? `existing ${existing[1].slice(app.root.length + 1)}`
          : !written
            ? 'none'
            : withheld
              ? 'withheld by the safety net'
              : 'written',
        // The module the app loads at start-up, when there is one: its own, or the one written.
        modulePath: existing ? existing[1] : written && !withheld ? written : null,
      };
    } else if (r.generator === 'strict') {
      const section = r.output.split(/^strict {2}/m).find((s) => s.startsWith(`${app.project} `)) ?? '';
      const num = (re) => Number(re.exec(section)?.[1] ?? 0);
      out.strict = /already/.test(section.split('\n')[1] ?? '')
        ? { already: true }
        : {
            fixed: num(/fixed by code fixes: (\d+)/),
            suppressed: num(/suppressed: (\d+)/),
            preExisting: num(/pre-existing errors, not touched: (\d+)/),
          };
    }
  }
  return out;
}

/** The env module the generator wrote for an app (its path), or null. */
function envModuleOf(output, app) {
  const m = new RegExp(`^\\s+(${app.root}/\\S+): typed env module`, 'm').exec(output);
  return m ? m[1] : null;
}

/**
 * Loads an app's env module (the one the generator wrote, or the app's own t3-env module) the way
 * the app would at start-up, with .env.production, the platform's variables and a placeholder for
 * each empty value: whether its schema accepts them (and the error if not).
 */
function envSchemaAccepts(ws, appRoot, modulePath) {
  const file = join(ws, appRoot, '.env.production');
  return loadEnvModule(ws, modulePath, existsSync(file) ? readFileSync(file, 'utf8') : '');
}

function loadEnvModule(ws, modulePath, dotenvText) {
  const dotenv = require(require.resolve('dotenv', { paths: [ws] }));
  const values = dotenv.parse(dotenvText);
  const env = { ...PLATFORM_ENV };
  for (const [k, v] of Object.entries(values)) env[k] = v === '' ? placeholder(k) : v;
  const bundle = join(ws, 'tmp', 'env-check.cjs');
  mkdirSync(join(ws, 'tmp'), { recursive: true });
  const esbuild = join(ws, 'node_modules', '.bin', 'esbuild');
  sh(`${esbuild} ${modulePath} --bundle --platform=node --format=cjs --outfile=${bundle} --log-level=error`, ws);
  const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(bundle)})`], {
    cwd: ws,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  rmSync(bundle, { force: true });
  return { ok: r.status === 0, error: `${r.stderr ?? ''}`.trim().split('\n').slice(0, 12).join('\n') };
}

/**
 * The whole suite: assemble, type-check every app, run every generator twice, type-check again,
 * load each env module. Returns everything the spec asserts and the bench tabulates.
 */
function runRealCodeSuite(dir, tarball, log = () => undefined) {
  const { ws, apps } = assembleRealCode(dir, tarball, log);
  const base = sh('git rev-parse HEAD', ws).output.trim();
  log('tsc on every app, before');
  const before = Object.fromEntries(apps.map((a) => [a.app, typeErrors(ws, a.root)]));
  log('every generator, twice');
  const runs = runGenerators(ws);
  log('tsc on every app, after');
  const after = Object.fromEntries(apps.map((a) => [a.app, typeErrors(ws, a.root)]));
  const changedFiles = sh(`git diff --name-only ${base} HEAD`, ws).output.trim().split('\n').filter(Boolean);
  const counted = apps.map((a) => ({ ...a, counts: countsFor(runs, a) }));
  const envChecks = {};
  for (const a of counted) {
    const module = a.counts.env.modulePath;
    if (module) envChecks[a.app] = { module, ...envSchemaAccepts(ws, a.root, module) };
  }
  return { ws, base, apps: counted, runs, before, after, changedFiles, envChecks };
}

/** The suite's counts per source as a Markdown table (RESULTS.md). */
function realCodeTable(suite) {
  const total = (byFile) => Object.values(byFile).reduce((a, b) => a + b, 0);
  const codemod = (c) => `${c.converted} converted${c.skipped ? `; skipped: ${c.skipped}` : ''}`;
  const rows = suite.apps.map((a) => {
    const c = a.counts;
    const check = suite.envChecks[a.app];
    const env = `${c.env.variables} variable(s); module ${c.env.module}${c.env.rewrote ? `; ${c.env.rewrote} read(s) rewritten` : ''}${check ? `; schema ${check.ok ? 'accepts' : 'rejects'} .env.production` : ''}`;
    const strict = c.strict.already
      ? 'already strict'
      : `${c.strict.fixed} fixed, ${c.strict.suppressed} suppressed, ${c.strict.preExisting} pre-existing left`;
    const files = sh(`git ls-files -- ${a.root} | grep -cE '\\.(tsx?|jsx?|mjs|cjs)$' || true`, suite.ws).output.trim();
    return `| ${a.label} | ${files} | ${codemod(c['next-image'])} | ${codemod(c['dynamic-import'])} | ${env} | ${strict} | ${total(suite.before[a.app])} → ${total(suite.after[a.app])} |`;
  });
  return [
    '| source | source files | next-image | dynamic-import | env | strict | tsc errors before → after |',
    '| --- | ---: | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

module.exports = {
  realCodeTable,
  runRealCodeSuite,
  SOURCES,
  GENERATORS,
  assembleRealCode,
  typeErrors,
  runGenerators,
  countsFor,
  envModuleOf,
  envSchemaAccepts,
  loadEnvModule,
};
