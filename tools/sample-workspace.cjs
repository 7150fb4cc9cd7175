// Creating the real Nx workspace that the end-to-end suite and the demo run on: one recipe for both.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, realpathSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const NX_VERSION = '23.2.1';

/**
 * npm resolves the sample workspace's dependencies as of this date. The registry can list a new
 * release before every package of it is there (seen: typescript-eslint 8.74.0 whose
 * @typescript-eslint/scope-manager was missing), which breaks a fresh install at random; a fixed
 * date makes every run resolve the same, known-good versions.
 */
const REGISTRY_DATE = '2026-11-01T00:00:00.000Z';

/** Environment for every command run on a sample workspace: no daemon, no cloud, no prompts. */
const SAMPLE_ENV = {
  ...process.env,
  npm_config_before: process.env.PLINTO_NPM_BEFORE || REGISTRY_DATE,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NEXT_TELEMETRY_DISABLED: '1',
  FORCE_COLOR: '0',
  GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME || 'plinto-ready',
  GIT_AUTHOR_EMAIL: process.env.GIT_AUTHOR_EMAIL || 'plinto-ready@example.com',
  GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME || 'plinto-ready',
  GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL || 'plinto-ready@example.com',
};

function runOk(command, cwd, { quiet = true } = {}) {
  const r = spawnSync('bash', ['-c', command], {
    cwd,
    env: SAMPLE_ENV,
    encoding: 'utf8',
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    throw new Error(`"${command}" exited ${r.status} in ${cwd}:\n${output.slice(-6000)}`);
  }
  return r.stdout ?? '';
}

/**
 * Creates `<parent>/ws`: an Nx 23.2.1 workspace from the npm registry with a Next.js app (app
 * router, `apps/web`, project `@ws/web`) and a React library (`libs/ui`, project `@ws/ui`), both
 * with jest; TypeScript pinned to 5.9 (create-nx-workspace 23.2.1 installs 6.0, whose
 * deprecations break the generated tests); everything committed. Takes a few minutes.
 */
function createSampleWorkspace(parent, log = () => undefined) {
  rmSync(join(parent, 'ws'), { recursive: true, force: true });
  mkdirSync(parent, { recursive: true });
  log(`creating a Next.js workspace with create-nx-workspace@${NX_VERSION} (a few minutes)`);
  runOk(
    `npx -y create-nx-workspace@${NX_VERSION} ws --preset=next --appName=web --nextAppDir=true --nextSrcDir=false ` +
      `--style=css --linter=eslint --formatter=prettier --unitTestRunner=jest --e2eTestRunner=none --nxCloud=skip ` +
      `--aiAgents=none --analytics=false --packageManager=npm --skipGitHubPush --no-interactive`,
    parent,
  );
  const ws = join(parent, 'ws');
  // create-nx-workspace skips `git init` inside another repository (this one, for tmp/): the
  // sample workspace needs a repository of its own, or its commits would land in the parent's.
  if (!existsSync(join(ws, '.git'))) runOk('git init -q -b main', ws);
  assertOwnRepository(ws);
  log('pinning typescript ~5.9.3 and adding a React library');
  runOk('npm i -D typescript@~5.9.3 --no-audit --no-fund', ws);
  runOk('npx nx g @nx/react:library libs/ui --unitTestRunner=jest --bundler=none --linter=eslint --style=css --no-interactive', ws);
  runOk('git add -A && git commit -q -m "Next.js app, React library, TypeScript 5.9"', ws);
  return ws;
}

/** Refuses to go on unless `dir` is the top of its own git repository. */
function assertOwnRepository(dir) {
  const top = runOk('git rev-parse --show-toplevel', dir).trim();
  if (realpathSync(top) !== realpathSync(dir)) {
    throw new Error(`${dir} is not the root of its own git repository (git says ${top}): refusing to commit into another repository.`);
  }
}

module.exports = { NX_VERSION, SAMPLE_ENV, assertOwnRepository, createSampleWorkspace, runOk };
