// Matrix shape (d): a yarn workspace on Nx 23 with a Next 16 app built by Turbopack, on yarn 1
// (classic) or yarn 4 (berry, with the node-modules linker). Both CLIs come from the npm registry:
// yarn 1 through npx, berry as `@yarnpkg/cli-dist`, pinned by the repository's `yarnPath` (the
// yarn 1 on the PATH hands every command to it, as a berry repository works everywhere).
const { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { join } = require('node:path');
const { writeNextApp, must } = require('./next-matrix.cjs');

const YARN = 'npx -y yarn@1.22.22';
const BERRY = '4.18.1';

/** Creates `<dir>/ws`: installed with yarn, the plugin registered by its init generator, committed. */
function assembleYarnNext16(dir, packed, log = () => undefined, { berry = false } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Yarn 1 keeps what it extracted from a `file:` tarball under its global cache, keyed by the
  // tarball's path, and reuses it: a path named after the content makes each new plugin a new entry
  // (on a machine that ran the suite before, the old path installed that run's plugin).
  const sha = createHash('sha256').update(readFileSync(packed)).digest('hex').slice(0, 12);
  const tarball = join(dir, `plinto-ready-${sha}.tgz`);
  copyFileSync(packed, tarball);
  const ws = join(dir, 'ws');
  if (berry) {
    mkdirSync(join(ws, '.yarn', 'releases'), { recursive: true });
    const file = must(`npm pack @yarnpkg/cli-dist@${BERRY} --silent`, dir).trim().split('\n').pop();
    must(`tar xzf ${file} package/bin/yarn.js && mv package/bin/yarn.js ws/.yarn/releases/yarn-${BERRY}.cjs`, dir);
    writeFileSync(
      join(ws, '.yarnrc.yml'),
      `nodeLinker: node-modules\nyarnPath: .yarn/releases/yarn-${BERRY}.cjs\nenableTelemetry: false\nenableScripts: false\n`,
    );
  }
  const site = join(ws, 'apps', 'site');
  writeNextApp(site, {
    name: '@yn/site',
    scripts: { build: 'next build' }, // Turbopack is Next 16's default
    dependencies: { next: '16.1.6', react: '19.2.0', 'react-dom': '19.2.0' },
    devDependencies: { '@types/react': '^19.0.0', '@types/react-dom': '^19.0.0' },
  });
  // jest in the app, run by its own config (the workspace has no test script either).
  writeFileSync(join(site, 'jest.config.js'), "module.exports = { testEnvironment: 'node', roots: ['<rootDir>/lib'] };\n");
  mkdirSync(join(site, 'lib'), { recursive: true });
  writeFileSync(join(site, 'lib', 'slug.js'), "exports.slug = (s) => s.trim().toLowerCase().replace(/\\s+/g, '-');\n");
  writeFileSync(
    join(site, 'lib', 'slug.test.js'),
    "const { slug } = require('./slug');\ntest('slug', () => expect(slug(' A b ')).toBe('a-b'));\n",
  );
  writeFileSync(
    join(ws, 'package.json'),
    JSON.stringify(
      {
        name: 'yarn-next16',
        private: true,
        ...(berry ? { packageManager: `yarn@${BERRY}` } : {}),
        workspaces: ['apps/*'],
        devDependencies: {
          nx: '23.2.1',
          '@nx/devkit': '23.2.1',
          '@plinto/ready': `file:${tarball}`,
          typescript: '5.9.3',
          jest: '29.7.0',
          '@types/node': '^22.0.0',
        },
      },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(join(ws, 'nx.json'), JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json' }, null, 2) + '\n');
  writeFileSync(join(ws, '.gitignore'), 'node_modules\n.nx\ndist\n.next\nnext-env.d.ts\n*.tsbuildinfo\ncoverage\n.yarn/install-state.gz\n');
  log(`yarn install (yarn ${berry ? BERRY : 1}, Next 16)`);
  // Berry refuses to write a lockfile where CI is set (immutable installs): this is the first install.
  must(
    berry
      ? `YARN_ENABLE_IMMUTABLE_INSTALLS=false ${YARN} install`
      : `${YARN} install --non-interactive --ignore-scripts --network-timeout 600000`,
    ws,
  );
  must('git init -q && git add -A && git commit -q -m "yarn workspace"', ws);
  log('nx g @plinto/ready:init');
  // As yarn users run it: `yarn nx …` puts yarn itself on the PATH for the scripts Nx runs (`yarn run build`).
  must(`${YARN} nx g @plinto/ready:init`, ws);
  must('git add -A && git commit -q -m "nx g @plinto/ready:init"', ws);
  return { ws, yarn: YARN };
}

module.exports = { assembleYarnNext16 };
