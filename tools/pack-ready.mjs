#!/usr/bin/env node
// Builds @plinto/ready and packs it into dist/ as the only tarball there; prints its path last.
// `packReady()` does the same for the demo and the bench, returning the path.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...opts });

export function packReady({ quiet = false } = {}) {
  const stdio = ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'];
  run('npx', ['nx', 'run', 'ready:build', '--skip-nx-cache'], { env: { ...process.env, NX_DAEMON: 'false' }, stdio });
  mkdirSync(dist, { recursive: true });
  for (const f of readdirSync(dist)) if (f.endsWith('.tgz')) rmSync(join(dist, f));
  const out = execFileSync('npm', ['pack', join(dist, 'packages', 'ready'), '--pack-destination', dist, '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [{ filename }] = JSON.parse(out);
  return join(dist, filename);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) console.log(packReady());
