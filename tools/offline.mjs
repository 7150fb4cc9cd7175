#!/usr/bin/env node
// Runs a command with the network cut (a new, empty network namespace), so the unit suite proves it
// never touches the network: `node tools/offline.mjs jest -c …`. Linux only; elsewhere (or where
// namespaces are not permitted) it says so and runs the command as it is.
import { spawnSync } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const probe = process.platform === 'linux' ? spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore' }) : null;
const offline = probe !== null && probe.status === 0;
if (!offline) console.warn(`offline.mjs: cannot cut the network here (no unshare -rn); running ${command} with it.`);
const run = offline
  ? spawnSync('unshare', ['-rn', 'npx', '--no-install', command, ...args], { stdio: 'inherit' })
  : spawnSync('npx', ['--no-install', command, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
