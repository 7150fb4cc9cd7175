// Shape (b) of the day-one gate: a single-app Next.js repository (the app at the repository's root,
// Vitest with no config file) that had no Nx, adopted as a team does: `nx init`, then the plugin.
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { adoptWithNxInit, writeNextApp } = require('./next-matrix.cjs');

/** Creates `<dir>/ws`: installed with npm, `nx init`, the plugin installed and its init run; each step committed. */
function assembleSingleApp(dir, tarball, log = () => undefined) {
  rmSync(dir, { recursive: true, force: true });
  const ws = join(dir, 'ws');
  writeNextApp(ws, {
    name: 'shop',
    scripts: { dev: 'next dev', build: 'next build', test: 'vitest run' },
    dependencies: { next: '16.1.6', react: '19.2.0', 'react-dom': '19.2.0' },
    devDependencies: {
      '@types/node': '^22.0.0',
      '@types/react': '^19.0.0',
      '@types/react-dom': '^19.0.0',
      typescript: '5.9.3',
      vitest: '4.1.12',
    },
  });
  mkdirSync(join(ws, 'lib'), { recursive: true });
  writeFileSync(join(ws, 'lib', 'price.ts'), 'export const price = (cents: number) => (cents < 0 ? 0 : cents) / 100;\n');
  writeFileSync(
    join(ws, 'lib', 'price.test.ts'),
    "import { test, expect } from 'vitest';\nimport { price } from './price';\ntest('price', () => expect(price(250)).toBe(2.5));\n",
  );
  writeFileSync(join(ws, '.gitignore'), 'node_modules\n.next\nnext-env.d.ts\n*.tsbuildinfo\ncoverage\ndist\n');
  const init = adoptWithNxInit(ws, tarball, log, {
    what: 'a single Next 16 app at the root, Vitest without a config file',
    repository: 'a single-app repository',
  });
  return { ws, init };
}

module.exports = { assembleSingleApp };
