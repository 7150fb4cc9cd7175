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
  {
    app: 'classes-app',
    label: 'written for the suite: one file per class of #35 (tools/real-code), with a UI package it imports in part',
    local: 'tools/real-code/classes-app',
  },
];

/** Folders of tools/real-code copied beside the apps: the UI package the classes app imports in part. */
const LOCAL_PACKAGES = [{ dir: 'ui-kit', from: 'tools/real-code/ui-kit' }];
const REPO = join(__dirname, '..');
/** What each case of the classes app must come out as, by class. */
const EXPECTED = JSON.parse(readFileSync(join(REPO, 'tools/real-code/expected.json'), 'utf8'));

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
  for (const source of SOURCES.filter((s) => s.local)) cpSync(join(REPO, source.local), join(ws, 'apps', source.app), { recursive: true });
  for (const pkg of LOCAL_PACKAGES) cpSync(join(REPO, pkg.from), join(ws, 'apps', pkg.dir), { recursive: true });
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
  // `*.local` already keeps .env*.local out: the env generator must not add a line for it.
  writeFileSync(join(ws, '.gitignore'), 'node_modules\n.nx\ndist\n.next\n*.tsbuildinfo\n*.local\n');
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
  const env = { ...PLATFORM_ENV };
  for (const [k, v] of Object.entries(dotenv.parse(dotenvText))) env[k] = v === '' ? placeholder(k) : v;
  const r = loadModuleValues(ws, modulePath, env);
  return { ok: r.ok, error: r.error };
}

/** The variables a module hands out: the names of its runtimeEnv (`NAME: process.env.NAME`). */
function moduleNames(text) {
  return [...new Set([...text.matchAll(/\b([A-Z_][A-Z0-9_]*)\s*:\s*process\.env\.\1\b/g)].map((m) => m[1]))].sort();
}

/**
 * Loads an env module in a fresh Node process with exactly `env` (bundled by esbuild, as the app's
 * bundler would take it) and returns the value of each variable it hands out, or the error.
 */
function loadModuleValues(ws, modulePath, env) {
  const bundle = join(ws, 'tmp', 'env-check.cjs');
  mkdirSync(join(ws, 'tmp'), { recursive: true });
  const esbuild = join(ws, 'node_modules', '.bin', 'esbuild');
  sh(`${esbuild} ${modulePath} --bundle --platform=node --format=cjs --outfile=${bundle} --log-level=error`, ws);
  const names = moduleNames(readFileSync(join(ws, modulePath), 'utf8'));
  const script = `const m = require(${JSON.stringify(bundle)}); const e = m.env ?? m.default ?? {}; process.stdout.write(JSON.stringify(Object.fromEntries(${JSON.stringify(names)}.map((k) => [k, e[k] === undefined ? '(unset)' : e[k]]))));`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ws, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  rmSync(bundle, { force: true });
  return {
    ok: r.status === 0,
    values: r.status === 0 ? JSON.parse(r.stdout) : null,
    error: `${r.stderr ?? ''}`.trim().split('\n').slice(0, 12).join('\n'),
  };
}

/**
 * Does .env.production change what any read of the module evaluates to? The deployment's values
 * (the platform's variables, and a value for each variable .env.production leaves empty, which the
 * deployment must set) loaded without the file, then with it as Next.js loads it (never over a
 * value the environment holds): every variable's value must be the same.
 */
function envFileChangesNothing(ws, appRoot, modulePath) {
  const file = join(ws, appRoot, '.env.production');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const dotenv = require(require.resolve('dotenv', { paths: [ws] }));
  const parsed = dotenv.parse(text);
  const deployment = { ...PLATFORM_ENV };
  for (const [k, v] of Object.entries(parsed)) if (v === '') deployment[k] = placeholder(k);
  const withFile = { ...deployment };
  for (const [k, v] of Object.entries(parsed)) if (!(k in withFile)) withFile[k] = v;
  const without = loadModuleValues(ws, modulePath, deployment);
  const withIt = loadModuleValues(ws, modulePath, withFile);
  const names = Object.keys(withIt.values ?? without.values ?? {});
  const differs = names.filter((n) => JSON.stringify(without.values?.[n]) !== JSON.stringify(withIt.values?.[n]));
  return { ok: without.ok && withIt.ok, error: without.ok ? withIt.error : without.error, names, differs };
}

/**
 * The classes app, case by case against tools/real-code/expected.json: what the env module and
 * .env.production say of each variable, and which files dynamic-import split.
 */
function classOutcomes(ws, runs) {
  const root = `apps/${EXPECTED.app}`;
  const read = (f) => (existsSync(join(ws, root, f)) ? readFileSync(join(ws, root, f), 'utf8') : '');
  const moduleFile = ['env.ts', 'src/env.ts', 'app/env.ts'].find((f) => existsSync(join(ws, root, f)));
  const module = moduleFile ? read(moduleFile) : '';
  const dotenvText = read('.env.production');
  const schemaOf = (name) => new RegExp(`^\\s+${name}: (z\\..+),$`, 'm').exec(module)?.[1] ?? null;
  // What the module and .env.production say of a variable, as the expectation names it when they agree.
  const outcome = (name, expected) => {
    const schema = schemaOf(name);
    const entry = new RegExp(`^${name}=(.*)$`, 'm').exec(dotenvText);
    const listed = entry !== null || new RegExp(`^# ${name}=$`, 'm').test(dotenvText);
    const optional = schema !== null && /\.optional\(\)|\.default\(/.test(schema);
    const holds = {
      absent: schema === null && !listed,
      platform: optional && !listed,
      optional: optional && !(entry !== null && entry[1] === ''),
      required: schema !== null && !optional,
      string: schema !== null && !optional && /^z\.string\(\)(?!\.url)/.test(schema),
    };
    return holds[expected]
      ? expected
      : `schema ${schema ?? 'none'}; .env.production ${entry ? `${name}=${entry[1]}` : listed ? `# ${name}=` : 'none'}`;
  };
  const rows = [];
  for (const [klass, cases] of Object.entries(EXPECTED.env)) {
    const got = Object.fromEntries(Object.entries(cases).map(([n, expected]) => [n, outcome(n, expected)]));
    rows.push({ codemod: 'env', klass, expected: cases, got });
  }
  const di = runs.find((r) => r.generator === 'dynamic-import')?.output ?? '';
  for (const [klass, files] of Object.entries(EXPECTED['dynamic-import'])) {
    const got = Object.fromEntries(
      files.map((f) => [
        f,
        new RegExp(`^\\s+converted ${`${root}/${f}`.replace(/[.]/g, '\\.')}:\\d+`, 'm').test(di) ? 'split' : 'not split',
      ]),
    );
    rows.push({ codemod: 'dynamic-import', klass, expected: Object.fromEntries(files.map((f) => [f, 'split'])), got });
  }
  return rows;
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
    if (module) envChecks[a.app] = { module, ...envSchemaAccepts(ws, a.root, module), envFile: envFileChangesNothing(ws, a.root, module) };
  }
  const classes = classOutcomes(ws, runs);
  const churn = unrelatedChurn(ws, base);
  // The wiring keeps the app building with its documented environment: .env.production alone.
  log(`next build of ${EXPECTED.app}, after every generator`);
  const build = sh('npx next build', join(ws, 'apps', EXPECTED.app), { ok: false });
  return { ws, base, apps: counted, runs, before, after, changedFiles, envChecks, classes, churn, build };
}

/**
 * What the generators changed that no finding asked for: the classes app's dependencies keep their
 * order (the env generator only adds), and the root .gitignore, whose `*.local` already keeps
 * .env*.local out, is not touched.
 */
function unrelatedChurn(ws, base) {
  const pkgAt = (rev) => JSON.parse(sh(`git show ${rev}:apps/${EXPECTED.app}/package.json`, ws).output);
  const before = Object.keys(pkgAt(base).dependencies ?? {});
  const after = Object.keys(pkgAt('HEAD').dependencies ?? {});
  return {
    dependencyOrderKept: JSON.stringify(after.filter((k) => before.includes(k))) === JSON.stringify(before),
    dependenciesAdded: after.filter((k) => !before.includes(k)),
    gitignoreDiff: sh(`git diff ${base} HEAD -- .gitignore`, ws).output.trim(),
  };
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

/** The classes app's cases, counted per class: how many came out as expected.json says. */
function classTable(suite) {
  const rows = suite.classes.map((c) => {
    const names = Object.keys(c.expected);
    const right = names.filter((n) => c.got[n] === c.expected[n]);
    const wrong = names.filter((n) => c.got[n] !== c.expected[n]).map((n) => `${n}: ${c.got[n]}`);
    return `| ${c.codemod} | ${c.klass} | ${names.length} | ${right.length} | ${wrong.length > 0 ? wrong.join('; ') : '–'} |`;
  });
  return ['| codemod | class | cases | as expected | otherwise |', '| --- | --- | ---: | ---: | --- |', ...rows].join('\n');
}

module.exports = {
  realCodeTable,
  classTable,
  EXPECTED,
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
