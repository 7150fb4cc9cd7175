/**
 * The plugin as a registry serves it: the repository's `ready:local-registry` target (Verdaccio on
 * loopback, the @plinto scope only, no uplinks) started in a temporary folder, and versions of the
 * built plugin published to it with `nx release publish`. A workspace reaches it through one scoped
 * line in its .npmrc; every other package installs from the usual registry.
 */
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV, REPO_ROOT, runOk, startServer, stopServer } from './harness';

export interface LocalRegistry {
  url: string;
  /** The .npmrc line that sends the @plinto scope (only) to this registry. */
  scopeLine: string;
  /** Publishes the built plugin (dist/packages/ready) as `version`, with `nx release publish`. */
  publish(version: string): void;
  /** What npm needs to install what this registry published today (the e2e registry date pin would hide it). */
  env: NodeJS.ProcessEnv;
  stop(): void;
}

export async function startLocalRegistry(): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'ready-registry-'));
  const port = 41_000 + (process.pid % 9_000);
  const url = `http://127.0.0.1:${port}/`;
  let server: ChildProcess | undefined = await startServer(
    `env NX_DAEMON=false npx nx run ready:local-registry --port=${port} --storage=${join(dir, 'storage')}`,
    REPO_ROOT,
    `${url}-/ping`,
    120_000,
  );
  // Publishing needs a token for the registry; Verdaccio's config lets anyone publish the scope.
  const npmrc = join(dir, 'npmrc');
  writeFileSync(npmrc, `//127.0.0.1:${port}/:_authToken=local-e2e\n`);
  const manifest = join(REPO_ROOT, 'dist/packages/ready/package.json');
  // Packages published now are newer than the suite's registry date: installs of the scope need a later one.
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
  return {
    url,
    scopeLine: `@plinto:registry=${url}`,
    env: { npm_config_before: tomorrow, NX_MIGRATE_USE_LOCAL: 'true' },
    publish(version: string) {
      const original = readFileSync(manifest, 'utf8');
      writeFileSync(manifest, JSON.stringify({ ...JSON.parse(original), version }, null, 2) + '\n');
      try {
        runOk(`npx nx release publish --registry=${url} --excludeTaskDependencies`, {
          cwd: REPO_ROOT,
          env: { ...ENV, NX_DAEMON: 'false', npm_config_userconfig: npmrc },
        });
      } finally {
        writeFileSync(manifest, original);
      }
    },
    stop() {
      stopServer(server);
      server = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
