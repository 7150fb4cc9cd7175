import { ProjectGraph, Tree, addProjectConfiguration, createProjectGraphAsync, readJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { execFileSync } from 'node:child_process';
import { FsTree } from 'nx/src/generators/tree';
import { TempWorkspace } from '../../testing/temp-workspace';
import { envGenerator } from './env';
import { MODULE_MARKER } from '../../features/env/env-module';

// The Nx project graph is the unit's boundary: the end-to-end suite uses the real one.
jest.mock('@nx/devkit', () => ({ ...jest.requireActual('@nx/devkit'), createProjectGraphAsync: jest.fn() }));

const graph = {
  nodes: {
    web: { name: 'web', type: 'app', data: { root: 'apps/web' } },
    pay: { name: 'pay', type: 'lib', data: { root: 'libs/pay' } },
    other: { name: 'other', type: 'lib', data: { root: 'libs/other' } },
  },
  dependencies: { web: [{ source: 'web', target: 'pay', type: 'static' }], pay: [], other: [] },
} as unknown as ProjectGraph;

describe('env generator', () => {
  let tree: Tree;
  let info: jest.SpyInstance;
  beforeEach(() => {
    (createProjectGraphAsync as jest.Mock).mockResolvedValue(graph);
    tree = createTreeWithEmptyWorkspace();
    addProjectConfiguration(tree, 'web', { root: 'apps/web', projectType: 'application' });
    addProjectConfiguration(tree, 'pay', { root: 'libs/pay', projectType: 'library' });
    addProjectConfiguration(tree, 'other', { root: 'libs/other', projectType: 'library' });
    tree.write('apps/web/next.config.js', 'module.exports = { env: { BUILD_SHA: "dev" } };\n');
    tree.write(
      'apps/web/app/config.ts',
      "export const api = process.env.NEXT_PUBLIC_API_URL ?? 'http://localhost:3000';\nexport const size = Number(process.env.PAGE_SIZE || 20);\n",
    );
    tree.write(
      'apps/web/app/page.tsx',
      "import { key } from '../../../libs/pay/src/client';\nexport default function Page() { return <p>{process.env.NEXT_PUBLIC_API_URL}{String(!!key)}</p>; }\n",
    );
    tree.write('libs/pay/src/client.ts', 'export const key = process.env.STRIPE_SECRET_KEY;\n');
    // A file of the library the app never imports: what it reads is not the app's.
    tree.write('libs/pay/src/admin-form.ts', 'export const admin = process.env.NEXT_PUBLIC_ADMIN_KEY;\n');
    tree.write('libs/other/src/x.ts', 'export const y = process.env.NOT_OURS;\n');
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => info.mockRestore());

  it('writes .env.production with the app and library variables, a typed module, the gitignore entry and the dependencies', async () => {
    await envGenerator(tree, { project: 'web', skipFormat: true });
    const env = tree.read('apps/web/.env.production', 'utf-8')!;
    // The code's localhost fallback is a development default: production gets a line to fill in,
    // commented out (an empty value would be "", and the code's fallback would no longer apply).
    expect(env).toContain(
      '# read at apps/web/app/config.ts:1, apps/web/app/page.tsx:2\n# the code falls back to http://localhost:3000 (a local address): set the production value\n# NEXT_PUBLIC_API_URL=\n',
    );
    // Only what the app's imports reach: the library's file it never imports reads nothing of the app's.
    expect(env).not.toContain('NEXT_PUBLIC_ADMIN_KEY');
    expect(env).toContain('PAGE_SIZE=20');
    expect(env).toContain(
      '# read at libs/pay/src/client.ts:1\n# secret: set it in the deployment environment, never in a committed file\nSTRIPE_SECRET_KEY=\n',
    );
    // next.config.* defines BUILD_SHA under env: Next inlines it, .env.production does not repeat it.
    expect(env).not.toContain('BUILD_SHA=');
    expect(env).not.toContain('NOT_OURS');
    const module = tree.read('apps/web/env.ts', 'utf-8')!;
    expect(module.startsWith(MODULE_MARKER)).toBe(true);
    expect(module).toContain('PAGE_SIZE: z.coerce.number().default(20),');
    // A local address is the code's development default: never a schema default (the code's own fallback still applies).
    expect(module).toContain('NEXT_PUBLIC_API_URL: z.string().url().optional(),');
    expect(module).toContain('STRIPE_SECRET_KEY: z.string().min(1),');
    expect(tree.read('.gitignore', 'utf-8')).toContain('\n.env*.local\n');
    expect(readJson(tree, 'package.json').dependencies).toMatchObject({ '@t3-oss/env-nextjs': '^0.13.11', zod: '^3.25.76' });
    // Without --rewrite nothing imports the module yet: the generator says how to wire it, naming the reads.
    expect(info.mock.calls.flat().join('\n')).toMatch(
      /not wired yet: nothing imports apps\/web\/env\.ts, so it validates nothing\. Either run again with --rewrite \(it replaces the \d+ process\.env read\(s\) with env\.X: apps\/web\/app\/config\.ts:1, /,
    );
  });

  it('on moduleResolution node (which cannot resolve @t3-oss/env-nextjs) writes the module on zod alone, and adds only zod', async () => {
    tree.write('apps/web/tsconfig.json', JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'node', strict: true } }));
    await envGenerator(tree, { project: 'web', skipFormat: true });
    const module = tree.read('apps/web/env.ts', 'utf-8')!;
    expect(module).not.toContain("from '@t3-oss/env-nextjs'");
    expect(module).toContain("import { z } from 'zod';");
    expect(module).toContain('  STRIPE_SECRET_KEY: z.string().min(1),');
    const deps = readJson(tree, 'package.json').dependencies;
    expect(deps).toMatchObject({ zod: '^3.25.76' });
    expect(deps['@t3-oss/env-nextjs']).toBeUndefined();
    expect(info.mock.calls.flat().join('\n')).toContain("zod alone: this project's moduleResolution cannot resolve @t3-oss/env-nextjs");
  });

  it("writes the module on zod alone where the app's tests run on jest (which cannot load the ESM t3-env without a transform)", async () => {
    tree.write('apps/web/jest.config.ts', 'export default {};\n');
    await envGenerator(tree, { project: 'web', skipFormat: true, skipInstall: true });
    const module = tree.read('apps/web/env.ts', 'utf-8') ?? tree.read('apps/web/src/env.ts', 'utf-8')!;
    expect(module).toContain("import { z } from 'zod';");
    expect(module).not.toMatch(/from '@t3-oss/);
    expect(info.mock.calls.flat().join('\n')).toContain("zod alone: this project's tests run on jest");
  });

  it('says so when git ignores the .env.production it writes, with what to do instead', async () => {
    const ws = new TempWorkspace().write('nx.json', {}).write('package.json', { name: 'ws', private: true }).write('.gitignore', '.env*\n');
    try {
      execFileSync('git', ['init', '-q'], { cwd: ws.root });
      const disk = new FsTree(ws.root, false);
      addProjectConfiguration(disk, 'web', { root: 'apps/web', projectType: 'application' });
      disk.write('apps/web/app/config.ts', 'export const api = process.env.API_URL;\n');
      await envGenerator(disk, { project: 'web', skipFormat: true, skipInstall: true });
      expect(info.mock.calls.flat().join('\n')).toContain(
        'warning apps/web/.env.production is ignored by git (.gitignore:1:.env*): the build of a fresh checkout will not see it.',
      );
    } finally {
      ws.cleanup();
    }
  });

  it("adds the module's dependencies to the app's own package.json where it declares its dependencies (package-based repos)", async () => {
    tree.write('apps/web/package.json', JSON.stringify({ name: 'web', dependencies: { next: '15.5.0' } }));
    const rootBefore = readJson(tree, 'package.json');
    await envGenerator(tree, { project: 'web', skipFormat: true });
    expect(readJson(tree, 'apps/web/package.json').dependencies).toMatchObject({
      next: '15.5.0',
      zod: '^3.25.76',
      '@t3-oss/env-nextjs': '^0.13.11',
    });
    expect(readJson(tree, 'package.json')).toEqual(rootBefore);
    expect(info.mock.calls.flat().join('\n')).toContain('dependencies: @t3-oss/env-nextjs, zod → apps/web/package.json');
  });

  it('leaves unrelated lines alone: an unsorted dependency list keeps its order, and a .gitignore that already ignores local env files gets no line', async () => {
    tree.write('apps/web/package.json', JSON.stringify({ name: 'web', dependencies: { react: '19.2.0', next: '15.5.0', clsx: '2.1.1' } }));
    tree.write('.gitignore', 'node_modules\n.env*\n!.env.example\n');
    await envGenerator(tree, { project: 'web', skipFormat: true });
    expect(Object.keys(readJson(tree, 'apps/web/package.json').dependencies)).toEqual([
      'react',
      'next',
      'clsx',
      '@t3-oss/env-nextjs',
      'zod',
    ]);
    expect(tree.read('.gitignore', 'utf-8')).toBe('node_modules\n.env*\n!.env.example\n');
    // A sorted list stays sorted, each new name in its place; a rule that lets a local file back in means the line is added.
    tree.write('apps/web/package.json', JSON.stringify({ name: 'web', dependencies: { clsx: '2.1.1', next: '15.5.0', react: '19.2.0' } }));
    tree.write('.gitignore', '.env*\n!.env.local\n');
    await envGenerator(tree, { project: 'web', skipFormat: true });
    expect(Object.keys(readJson(tree, 'apps/web/package.json').dependencies)).toEqual([
      '@t3-oss/env-nextjs',
      'clsx',
      'next',
      'react',
      'zod',
    ]);
    expect(tree.read('.gitignore', 'utf-8')).toContain('\n.env*.local\n');
  });

  it('changes nothing on a second run, and never writes a secret value', async () => {
    await envGenerator(tree, { project: 'web', skipFormat: true });
    const snapshot = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    await envGenerator(tree, { project: 'web', skipFormat: true });
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(snapshot);
    expect(tree.read('apps/web/.env.production', 'utf-8')).toMatch(/^STRIPE_SECRET_KEY=$/m);
  });

  it('the safety net: the schema accepts the documented environment, optional where it lacks a variable, a string where it documents another shape', async () => {
    tree.write('apps/web/app/db.ts', 'export const db = process.env.DATABASE_URL;\nexport const cdn = process.env.ASSET_HOST_URL;\n');
    // The team's example file: a placeholder for the secret and the database, a path where the
    // code's name says URL, and nothing for STRIPE_SECRET_KEY.
    tree.write('apps/web/.env.example', 'DATABASE_URL=your-database-url-here\nASSET_HOST_URL=/static\n');
    await envGenerator(tree, { project: 'web', skipFormat: true });
    const out = info.mock.calls.flat().join('\n');
    expect(out).toContain(
      'safety net STRIPE_SECRET_KEY: required by the code, but the documented environment (apps/web/.env.example) does not give it: made optional',
    );
    expect(out).toContain(
      'safety net ASSET_HOST_URL: apps/web/.env.example:2 documents a value the url schema rejects (Invalid url): typed as a string',
    );
    expect(out).not.toContain('safety net DATABASE_URL');
    expect(out).not.toContain('/static'); // values are never printed
    const module = tree.read('apps/web/env.ts', 'utf-8')!;
    expect(module).toContain('DATABASE_URL: z.string().url(),');
    expect(module).toContain('ASSET_HOST_URL: z.string().min(1),');
    expect(module).toContain('STRIPE_SECRET_KEY: z.string().optional(),');
    const env = tree.read('apps/web/.env.production', 'utf-8')!;
    expect(env).toContain(
      '# optional: no documented value (.env.example, .env): give it one there, or here, to require it\n# STRIPE_SECRET_KEY=\n',
    );
    expect(env).toMatch(/^DATABASE_URL=$/m);
    // The check agrees: every variable is declared (the commented line lists STRIPE_SECRET_KEY).
    const snapshot = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    await envGenerator(tree, { project: 'web', skipFormat: true });
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(snapshot);
  });

  it('merges into an existing file, keeping its values, and leaves an env module the user wrote', async () => {
    tree.write('apps/web/.env.production', 'PAGE_SIZE=50\nLEGACY=1\n');
    tree.write('apps/web/env.ts', 'export const env = { mine: true };\n');
    await envGenerator(tree, { project: 'web', skipFormat: true });
    const env = tree.read('apps/web/.env.production', 'utf-8')!;
    expect(env.startsWith('PAGE_SIZE=50\n# plinto-ready: no longer read by the code (kept as you wrote it)\nLEGACY=1\n')).toBe(true);
    expect(tree.read('apps/web/env.ts', 'utf-8')).toBe('export const env = { mine: true };\n');
    expect(info.mock.calls.flat().join('\n')).toContain('apps/web/env.ts exists and was not written by @plinto/ready: left as it is');
  });

  it("puts the module where the app's tsconfig compiles it (Nx's Next apps include only app/**)", async () => {
    tree.write('tsconfig.base.json', JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } }));
    tree.write(
      'apps/web/tsconfig.json',
      JSON.stringify({ extends: '../../tsconfig.base.json', include: ['app/**/*.ts', 'app/**/*.tsx', 'next-env.d.ts'] }),
    );
    await envGenerator(tree, { project: 'web', skipFormat: true });
    expect(tree.exists('apps/web/env.ts')).toBe(false);
    expect(tree.read('apps/web/app/env.ts', 'utf-8')).toContain('createEnv');
  });

  it('an env module the team wrote on t3-env, wherever it is, is detected: no second module beside it', async () => {
    tree.write(
      'apps/web/src/env/server.mjs',
      "import { createEnv } from '@t3-oss/env-nextjs';\nexport const env = createEnv({ server: {}, runtimeEnv: {} });\n",
    );
    await envGenerator(tree, { project: 'web', skipFormat: true });
    expect(tree.exists('apps/web/env.ts')).toBe(false);
    expect(tree.exists('apps/web/src/env.ts')).toBe(false);
    expect(info.mock.calls.flat().join('\n')).toContain(
      'apps/web/src/env/server.mjs already validates the env with t3-env: no second module written',
    );
    expect(tree.read('apps/web/.env.production', 'utf-8')).toContain('PAGE_SIZE=20');
  });

  it('--rewrite replaces process.env.X in the app by env.X with the import', async () => {
    await envGenerator(tree, { project: 'web', rewrite: true, skipFormat: true });
    expect(info.mock.calls.flat().join('\n')).not.toContain('not wired yet');
    expect(tree.read('apps/web/app/config.ts', 'utf-8')).toBe(
      "export const api = env.NEXT_PUBLIC_API_URL ?? 'http://localhost:3000';\nexport const size = Number(env.PAGE_SIZE || 20);\n".replace(
        /^/,
        "import { env } from '../env';\n\n",
      ),
    );
    expect(tree.read('libs/pay/src/client.ts', 'utf-8')).toContain('process.env.STRIPE_SECRET_KEY');
  });

  it('after --rewrite, env.X read through the module still counts as a read of X: a second run changes nothing', async () => {
    await envGenerator(tree, { project: 'web', rewrite: true, skipFormat: true });
    const snapshot = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    await envGenerator(tree, { project: 'web', rewrite: true, skipFormat: true });
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(snapshot);
    expect(tree.read('apps/web/.env.production', 'utf-8')).not.toContain('no longer read');
  });

  it('warns about a secret-like NEXT_PUBLIC_ name and a dynamic read', async () => {
    tree.write(
      'apps/web/app/bad.ts',
      'export const k = process.env.NEXT_PUBLIC_API_SECRET;\nexport const d = (n: string) => process.env[n];\n',
    );
    await envGenerator(tree, { project: 'web', skipFormat: true });
    const out = info.mock.calls.flat().join('\n');
    expect(out).toContain('DANGER NEXT_PUBLIC_API_SECRET: a secret-like name with NEXT_PUBLIC_ is inlined into every browser bundle');
    expect(out).toContain('unresolvable apps/web/app/bad.ts:2: process.env[n]');
    expect(tree.read('apps/web/.env.production', 'utf-8')).toMatch(/^NEXT_PUBLIC_API_SECRET=$/m);
  });

  it('skips a file that does not parse, naming it', async () => {
    tree.write('apps/web/app/broken.ts', 'export const x = process.env.BROKEN +;\n');
    await envGenerator(tree, { project: 'web', skipFormat: true });
    expect(info.mock.calls.flat().join('\n')).toContain('warning apps/web/app/broken.ts: does not parse, skipped');
    expect(tree.read('apps/web/.env.production', 'utf-8')).not.toContain('BROKEN');
  });

  it('keeps a malformed line of an existing .env.production and reports it', async () => {
    tree.write('apps/web/.env.production', 'PAGE_SIZE=50\nnot a line\n');
    await envGenerator(tree, { project: 'web', skipFormat: true });
    expect(tree.read('apps/web/.env.production', 'utf-8')!.startsWith('PAGE_SIZE=50\nnot a line\n')).toBe(true);
    expect(info.mock.calls.flat().join('\n')).toContain(
      'warning apps/web/.env.production:2: not a KEY=value line, kept as it is: not a line',
    );
  });

  it('refuses a library and an unknown project, writing nothing', async () => {
    await expect(envGenerator(tree, { project: 'pay' })).rejects.toThrow(/does not apply to project "pay": it is a library/);
    await expect(envGenerator(tree, { project: 'nope' })).rejects.toThrow(/Project "nope" does not exist/);
    expect(tree.exists('apps/web/.env.production')).toBe(false);
  });
});
