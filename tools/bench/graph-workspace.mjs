// The bench's large workspace for the plugin's cost on every Nx command: the end-to-end suite's real
// Nx 23 workspace (a Next.js app and a React library with jest, Nx's own plugins in nx.json), copied
// into 100 Next.js apps and 200 libraries, twice: with @plinto/ready in nx.json and without it, the
// rest byte for byte the same. node_modules is the source workspace's, linked.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', '.next', 'dist', 'out-tsc', '.nx', 'coverage', 'tmp', '.git']);
const copy = (from, to) => cpSync(from, to, { recursive: true, filter: (src) => !SKIP.has(src.split('/').pop()) });

/** Replaces every occurrence of the source project's name (and folder) in its text files. */
function rename(dir, pairs) {
  const r = spawnSync('grep', ['-rlI', '--exclude-dir=node_modules', ...pairs.flatMap(([from]) => ['-e', from]), dir], {
    encoding: 'utf8',
  });
  for (const file of r.stdout.split('\n').filter(Boolean)) {
    let text = readFileSync(file, 'utf8');
    for (const [from, to] of pairs) text = text.split(from).join(to);
    writeFileSync(file, text);
  }
}

/**
 * Writes `<dest>/with`, `<dest>/without` and `<dest>/noop` (a plugin that infers nothing), each a git
 * repository of its own; returns their paths.
 * `source` is a workspace made by tools/sample-workspace.cjs with the plugin installed (tmp/e2e/ws).
 */
export function writeGraphWorkspaces(source, dest, { apps = 100, libs = 200 } = {}) {
  rmSync(dest, { recursive: true, force: true });
  const base = join(dest, 'with');
  mkdirSync(base, { recursive: true });
  for (const f of [
    'nx.json',
    'package.json',
    'tsconfig.base.json',
    'tsconfig.json',
    'jest.config.ts',
    'jest.preset.js',
    'eslint.config.mjs',
    '.gitignore',
  ]) {
    if (existsSync(join(source, f))) cpSync(join(source, f), join(base, f));
  }
  const pad = (n) => String(n).padStart(3, '0');
  // Each copy renamed: its package name and its folder, wherever the source's appear.
  const copies = (count, folder, from, to) => {
    for (let i = 1; i <= count; i++) {
      const dir = join(base, folder, `${to}-${pad(i)}`);
      copy(join(source, folder, from), dir);
      rename(dir, [
        [`@ws/${from}`, `@ws/${to}-${pad(i)}`],
        [`${folder}/${from}`, `${folder}/${to}-${pad(i)}`],
      ]);
    }
  };
  copies(apps, 'apps', 'web', 'web');
  copies(libs, 'libs', 'ui', 'lib');
  // The root tsconfig's references name the source's two projects: none of them here.
  const tsconfig = JSON.parse(readFileSync(join(base, 'tsconfig.json'), 'utf8'));
  tsconfig.references = [];
  writeFileSync(join(base, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2) + '\n');
  const without = join(dest, 'without');
  cpSync(base, without, { recursive: true });
  const nx = JSON.parse(readFileSync(join(without, 'nx.json'), 'utf8'));
  nx.plugins = nx.plugins.filter((p) => (typeof p === 'string' ? p : p.plugin) !== '@plinto/ready');
  writeFileSync(join(without, 'nx.json'), JSON.stringify(nx, null, 2) + '\n');
  // The floor any plugin pays: one that matches the same files and infers nothing. Nx runs every
  // plugin in a worker process of its own (plugin isolation), whatever the plugin does.
  const noop = join(dest, 'noop');
  cpSync(without, noop, { recursive: true });
  mkdirSync(join(noop, 'tools'), { recursive: true });
  writeFileSync(join(noop, 'tools', 'noop-plugin.js'), "exports.createNodes = ['**/{project.json,package.json}', async () => []];\n");
  nx.plugins.push('./tools/noop-plugin.js');
  writeFileSync(join(noop, 'nx.json'), JSON.stringify(nx, null, 2) + '\n');
  for (const ws of [base, without, noop]) {
    symlinkSync(join(source, 'node_modules'), join(ws, 'node_modules'));
    spawnSync('bash', ['-c', 'git init -q -b main && git add -A && git -c user.name=b -c user.email=b@b commit -qm bench'], { cwd: ws });
  }
  return { with: base, without, noop };
}
