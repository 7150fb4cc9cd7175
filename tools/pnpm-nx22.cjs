// Matrix shape (c): a pnpm workspace on Nx 22 (never committed) with a Next 15 app (app router and
// pages router) and a Vitest library, as a team that has not moved to Nx 23 has it. nx.json has no
// targetDefaults, and the library consumes another workspace package through its build output
// (`main: dist/index.js`, built by its `build` script): its tests load only once that is built. pnpm comes
// from the npm registry (`npx pnpm@<version>`), like every other package here.
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { writeNextApp, must } = require('./next-matrix.cjs');

const PNPM = 'npx -y pnpm@10.34.8';
const NX = '22.0.0';

function write(file, text) {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

/** Creates `<dir>/ws`: installed with pnpm, the plugin registered by its init generator, committed. */
function assemblePnpmNx22(dir, tarball, log = () => undefined) {
  rmSync(dir, { recursive: true, force: true });
  const ws = join(dir, 'ws');
  writeNextApp(join(ws, 'apps', 'web'), {
    name: '@pm/web',
    scripts: { build: 'next build' },
    dependencies: { next: '15.5.7', react: '19.2.0', 'react-dom': '19.2.0', '@pm/calc': 'workspace:*' },
    // Declared by the app: pnpm's strict layout, and Next installs nothing itself where CI is set.
    devDependencies: { '@types/react': '^19.0.0', '@types/react-dom': '^19.0.0', '@types/node': '^22.0.0' },
  });
  const calc = join(ws, 'libs', 'calc');
  write(
    join(calc, 'package.json'),
    JSON.stringify(
      {
        name: '@pm/calc',
        version: '0.0.0',
        private: true,
        type: 'module',
        main: 'src/calc.js',
        scripts: { test: 'vitest run' },
        dependencies: { '@pm/money': 'workspace:*' },
      },
      null,
      2,
    ) + '\n',
  );
  const money = join(ws, 'libs', 'money');
  write(
    join(money, 'package.json'),
    JSON.stringify(
      { name: '@pm/money', version: '0.0.0', private: true, type: 'module', main: 'dist/index.js', scripts: { build: 'node build.mjs' } },
      null,
      2,
    ) + '\n',
  );
  write(join(money, 'src', 'index.js'), 'export const cents = (amount) => Math.round(amount * 100);\n');
  write(
    join(money, 'build.mjs'),
    "import { cpSync, mkdirSync } from 'node:fs';\nmkdirSync('dist', { recursive: true });\ncpSync('src/index.js', 'dist/index.js');\n",
  );
  write(join(calc, 'vite.config.mjs'), "export default { test: { include: ['src/**/*.test.js'] } };\n");
  write(join(calc, 'src', 'calc.js'), 'export const add = (a, b) => a + b;\nexport const abs = (a) => (a < 0 ? -a : a);\n');
  write(
    join(calc, 'src', 'calc.test.js'),
    "import { test, expect } from 'vitest';\nimport { cents } from '@pm/money';\nimport { add, abs } from './calc.js';\ntest('adds', () => expect(add(1, 2)).toBe(3));\ntest('abs', () => { expect(abs(-2)).toBe(2); expect(abs(3)).toBe(3); });\ntest('cents', () => expect(cents(add(1, 0.5))).toBe(150));\n",
  );
  write(
    join(ws, 'package.json'),
    JSON.stringify(
      {
        name: 'pnpm-nx22',
        private: true,
        devDependencies: {
          nx: NX,
          '@nx/devkit': NX,
          '@plinto/ready': `file:${tarball}`,
          typescript: '5.9.3',
          vitest: '4.1.12',
          '@vitest/coverage-v8': '4.1.12',
        },
      },
      null,
      2,
    ) + '\n',
  );
  write(join(ws, 'pnpm-workspace.yaml'), "packages:\n  - 'apps/*'\n  - 'libs/*'\n");
  write(join(ws, 'nx.json'), JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json' }, null, 2) + '\n');
  write(join(ws, '.gitignore'), 'node_modules\n.nx\ndist\n.next\ncoverage\nnext-env.d.ts\n*.tsbuildinfo\n');
  log(`pnpm install (nx ${NX}, Next 15, Vitest)`);
  must(`${PNPM} install --reporter=append-only`, ws);
  must('git init -q && git add -A && git commit -q -m "pnpm workspace on Nx 22"', ws);
  log('nx g @plinto/ready:init');
  must(`${PNPM} exec nx g @plinto/ready:init`, ws);
  must('git add -A && git commit -q -m "nx g @plinto/ready:init"', ws);
  return { ws, pnpm: PNPM, nx: NX };
}

module.exports = { assemblePnpmNx22 };
