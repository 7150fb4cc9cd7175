/**
 * Once per run: pack the plugin, create a real Nx 23.2.1 workspace with a Next.js app (app router)
 * and a React library from the npm registry, install the packed plugin and register it with its
 * init generator. Set PLINTO_E2E_REUSE=1 to keep a workspace from an earlier run (local work only;
 * the plugin is still packed and reinstalled).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DIR, REPO_ROOT, TAG_BASE, TAG_CREATED, TAG_INSTALLED, WS, commitAll, runOk, sh } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { assertOwnRepository, createSampleWorkspace } = require('../../../tools/sample-workspace.cjs');

function log(message: string) {
  process.stdout.write(`[e2e setup] ${message}\n`);
}

function packPlugin(): string {
  const out = execFileSync('node', [join(REPO_ROOT, 'tools', 'pack-ready.mjs')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').pop()!.trim();
}

export default async function globalSetup() {
  const started = Date.now();
  const tarball = packPlugin();
  log(`packed ${tarball}`);
  const reuse = process.env.PLINTO_E2E_REUSE === '1' && existsSync(join(WS, '.git'));
  if (reuse) {
    assertOwnRepository(WS);
    sh(`git reset -q --hard ${TAG_CREATED} && git clean -q -fd -e node_modules && git tag -d ${TAG_BASE} ${TAG_INSTALLED} ${TAG_CREATED}`);
  } else {
    createSampleWorkspace(E2E_DIR, log);
  }
  sh(`git tag ${TAG_CREATED}`);
  log('installing the packed plugin and running its init generator');
  runOk(`npm i -D ${tarball} --no-audit --no-fund`);
  commitAll('e2e: install @plinto/ready');
  sh(`git tag ${TAG_INSTALLED}`);
  runOk('npx nx g @plinto/ready:init');
  commitAll('e2e: nx g @plinto/ready:init');
  sh(`git tag ${TAG_BASE}`);
  log(`ready in ${Math.round((Date.now() - started) / 1000)} s`);
}
