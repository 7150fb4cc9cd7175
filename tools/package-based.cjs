// Shape (a) of the day-one gate: a package-based npm-workspaces repository that had no Nx, adopted
// as a team does (`nx init`, then the plugin), with what real repositories bring on day one:
// - apps/store: a Next 15 app tested with Vitest and no config file, without a coverage provider,
//   an integration suite that needs a live deployment (E2E_BASE_URL), a `.env.example` declaring
//   what the app reads (a MySQL URL with an empty password among it), a MySQL Prisma schema;
// - packages/tsconfig: a config-only package (JSON and a package.json, no sources);
// - packages/utils: a library with code and no tests (a true finding the baseline holds), which the
//   app consumes through its build output (`main: dist/index.js`, built by `tsc`), shape (c).
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { adoptWithNxInit, writeNextApp } = require('./next-matrix.cjs');

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof text === 'string' ? text : JSON.stringify(text, null, 2) + '\n');
}

/** Creates `<dir>/ws`: installed with npm, `nx init`, the plugin installed and its init run; each step committed. */
function assemblePackageBased(dir, tarball, log = () => undefined) {
  rmSync(dir, { recursive: true, force: true });
  const ws = join(dir, 'ws');
  const store = join(ws, 'apps', 'store');
  writeNextApp(store, {
    name: '@st/store',
    // The build counts itself into builds.log (an Nx replay prints a cached build's output again, so output cannot tell).
    scripts: { dev: 'next dev', build: 'node ../../count-build.cjs && next build', test: 'vitest run' },
    dependencies: { next: '15.5.7', react: '19.2.0', 'react-dom': '19.2.0', '@prisma/client': '7.10.1', '@st/utils': '*' },
    devDependencies: { '@st/tsconfig': '*', '@types/react': '^19.0.0', '@types/react-dom': '^19.0.0', vitest: '4.1.12' },
  });
  write(
    join(store, 'lib', 'config.ts'),
    [
      'export const config = {',
      '  databaseUrl: process.env.DATABASE_URL,',
      '  stripeSecretKey: process.env.STRIPE_SECRET_KEY,',
      "  siteUrl: process.env.NEXT_PUBLIC_SITE_URL ?? 'https://store.example.com',",
      '};',
      '',
    ].join('\n'),
  );
  write(
    join(store, '.env.example'),
    [
      '# Copy to .env.local and fill in.',
      'DATABASE_URL="mysql://root:@localhost:3306/store"',
      'STRIPE_SECRET_KEY=sk_test_your_key_here',
      'NEXT_PUBLIC_SITE_URL=https://store.example.com',
      '',
    ].join('\n'),
  );
  write(
    join(store, 'prisma', 'schema.prisma'),
    'datasource db {\n  provider = "mysql"\n  url      = env("DATABASE_URL")\n}\n\ngenerator client {\n  provider = "prisma-client-js"\n}\n\nmodel Order {\n  id    Int @id @default(autoincrement())\n  cents Int\n}\n',
  );
  write(
    join(store, 'lib', 'price.ts'),
    "import { clamp } from '@st/utils';\nexport const price = (cents: number) => clamp(cents, 0) / 100;\n",
  );
  write(
    join(store, 'lib', 'price.test.ts'),
    "import { test, expect } from 'vitest';\nimport { price } from './price';\ntest('price', () => expect(price(250)).toBe(2.5));\n",
  );
  // An integration suite against a live deployment: it cannot load without one.
  write(
    join(store, 'integration', 'checkout.test.ts'),
    "import { test, expect } from 'vitest';\nconst base = process.env.E2E_BASE_URL;\nif (!base) throw new Error('E2E_BASE_URL is not set: the checkout suite runs against a deployment');\ntest('checkout answers', async () => expect((await fetch(`${base}/checkout`)).status).toBe(200));\n",
  );
  write(join(ws, 'packages', 'tsconfig', 'package.json'), { name: '@st/tsconfig', version: '0.0.0', private: true, files: ['base.json'] });
  write(join(ws, 'packages', 'tsconfig', 'base.json'), { compilerOptions: { strict: true, target: 'ES2022', module: 'esnext' } });
  // Consumed through its build output (shape (c)): its entry points are the files its build writes.
  write(join(ws, 'packages', 'utils', 'package.json'), {
    name: '@st/utils',
    version: '0.0.0',
    private: true,
    type: 'module',
    main: 'dist/index.js',
    types: 'dist/index.d.ts',
    scripts: { build: 'tsc -p tsconfig.json' },
  });
  write(
    join(ws, 'packages', 'utils', 'src', 'index.ts'),
    'export const clamp = (value: number, min: number, max = Number.POSITIVE_INFINITY) => Math.min(Math.max(value, min), max);\n',
  );
  write(join(ws, 'packages', 'utils', 'tsconfig.json'), {
    extends: '@st/tsconfig/base.json',
    compilerOptions: { outDir: 'dist', rootDir: 'src', declaration: true, moduleResolution: 'bundler' },
    include: ['src'],
  });
  write(join(ws, 'package.json'), {
    name: 'store-monorepo',
    private: true,
    workspaces: ['apps/*', 'packages/*'],
    devDependencies: { typescript: '5.9.3', '@types/node': '^22.0.0' },
  });
  write(
    join(ws, 'count-build.cjs'),
    "require('fs').appendFileSync(require('path').join(__dirname, 'builds.log'), require('path').basename(process.cwd()) + '\\n');\n",
  );
  write(join(ws, '.gitignore'), 'node_modules\n.next\nnext-env.d.ts\n*.tsbuildinfo\ncoverage\ndist\n.env*.local\nbuilds.log\n');
  const init = adoptWithNxInit(ws, tarball, log, {
    what: 'Next 15 app with zero-config Vitest, a config package, a library',
    repository: 'a package-based repository',
  });
  return { ws, init };
}

module.exports = { assemblePackageBased };
