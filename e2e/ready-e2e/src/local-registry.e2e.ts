/**
 * Installed and upgraded the way Nx plugins are, from a registry: `nx add @plinto/ready` and
 * `nx migrate`, against the repository's local Verdaccio (`ready:local-registry`) that
 * `nx release publish` publishes to. The sample workspace (create-nx-workspace) as it was before the
 * plugin, and the package-based shape in package-based.e2e.ts.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  APP,
  APP_ROOT,
  HERO_PNG,
  TAG_CREATED,
  WS,
  commitAll,
  readWsFile,
  readWsJson,
  resetWorkspace,
  run,
  runOk,
  sh,
  showProject,
  writeWsFile,
} from './harness';
import { LocalRegistry, startLocalRegistry } from './local-registry';

/** Files changed since the last commit, untracked ones included, sorted. */
const changedFiles = () => sh('git diff --name-only HEAD && git ls-files --others --exclude-standard').split('\n').filter(Boolean).sort();

describe('nx add and nx migrate from a registry (integrated workspace)', () => {
  let registry: LocalRegistry;
  beforeAll(async () => {
    registry = await startLocalRegistry();
    // 0.1.0 had no migration yet; 0.3.0 the two codemods; 0.4.0 (this build) adds one.
    for (const version of ['0.1.0', '0.3.0', '0.4.0']) registry.publish(version);
    // The workspace as create-nx-workspace made it, before the plugin; its .npmrc sends the scope to the registry.
    resetWorkspace(TAG_CREATED);
    writeWsFile('.npmrc', `${registry.scopeLine}\n`);
    commitAll('the @plinto scope from the local registry');
  });
  afterAll(() => {
    registry?.stop();
    // Back to the suite's own install of the packed plugin.
    resetWorkspace();
    runOk('npm i --no-audit --no-fund');
  });

  it('the registry serves the published versions of the scope, and nothing else', () => {
    const versions = JSON.parse(runOk(`npm view @plinto/ready versions --json --registry=${registry.url}`).stdout);
    expect(versions).toEqual(['0.1.0', '0.3.0', '0.4.0']);
    expect(runOk(`npm view react version --registry=${registry.url} || echo refused`).output).toMatch(/E40[14]|refused/);
  });

  it('nx add @plinto/ready installs it and runs init: targets inferred, nothing else changed', () => {
    const r = runOk('npx nx add @plinto/ready@0.1.0', { env: registry.env });
    expect(r.output).toContain('@plinto/ready inferred targets on');
    expect(changedFiles()).toEqual(['nx.json', 'package-lock.json', 'package.json']);
    expect(readWsJson('package.json').devDependencies['@plinto/ready']).toMatch(/0\.1\.0$/);
    expect(readWsJson('nx.json').plugins).toContainEqual(expect.objectContaining({ plugin: '@plinto/ready' }));
    expect(Object.keys(showProject(APP).targets)).toEqual(expect.arrayContaining(['ready', 'build-production', 'smoke']));
    commitAll('nx add @plinto/ready');
  });

  it('nx migrate to the new version runs exactly the migrations between them, each on what needs it', () => {
    // What the 0.2.0 and 0.3.0 codemods are for: a raw <img> of a public file, a heavy static import.
    mkdirSync(join(WS, APP_ROOT, 'public'), { recursive: true });
    copyFileSync(HERO_PNG, join(WS, APP_ROOT, 'public', 'hero.png'));
    writeWsFile(`${APP_ROOT}/app/hero.tsx`, 'export function Hero() {\n  return <img src="/hero.png" alt="Hero" />;\n}\n');
    writeWsFile(
      `${APP_ROOT}/app/sales.tsx`,
      "'use client';\nimport { Treemap } from 'recharts';\n\nexport const Sales = () => <Treemap width={400} height={200} data={[]} dataKey=\"size\" />;\n",
    );
    commitAll('a raw img and a heavy import');

    const migrate = runOk('npx nx migrate @plinto/ready@0.4.0', { env: registry.env });
    expect(migrate.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    const planned = readWsJson('migrations.json').migrations.map((m: { name: string; version: string }) => `${m.version} ${m.name}`);
    expect(planned).toEqual(['0.2.0 convert-img-to-next-image', '0.3.0 split-heavy-imports', '0.4.0 fix-unknown-target-options']);
    expect(readWsJson('package.json').devDependencies['@plinto/ready']).toMatch(/0\.4\.0$/);
    runOk('npm install --no-audit --no-fund', { env: registry.env });
    expect(readWsJson('node_modules/@plinto/ready/package.json').version).toBe('0.4.0');

    const r = runOk('npx nx migrate --run-migrations', { env: registry.env });
    for (const name of ['convert-img-to-next-image', 'split-heavy-imports', 'fix-unknown-target-options']) expect(r.output).toContain(name);
    expect(readWsFile(`${APP_ROOT}/app/hero.tsx`)).toMatch(/<Image src=\{\w+\} alt="Hero" \/>/);
    expect(readWsFile(`${APP_ROOT}/app/sales.tsx`)).toMatch(/const Treemap = dynamic\(/);
    // The migration with nothing to do here says so and changes nothing.
    expect(r.output).toContain('every option of its targets is one they read; nothing to do');
    const changed = changedFiles().filter((f) => !['package.json', 'package-lock.json', 'migrations.json'].includes(f));
    expect(changed).toEqual([`${APP_ROOT}/app/hero.tsx`, `${APP_ROOT}/app/sales.tsx`]);
    // ready runs with the upgraded plugin and sees the codemods' work (the sample keeps other gaps: it may fail).
    run(`npx nx run ${APP}:ready --minScore=0 --excludeTaskDependencies`);
    const report = readWsJson(`dist/ready/${APP_ROOT}/ready.json`);
    expect(report.generator.version).toBe('0.4.0');
    expect(report.checks.find((c: { id: string }) => c.id === 'images')).toMatchObject({ status: 'pass' });
  });
});
