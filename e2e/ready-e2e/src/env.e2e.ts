/** env on the real workspace: the project graph brings a library's variables; the module builds. */
import {
  APP,
  APP_ROOT,
  LIB,
  LIB_ROOT,
  changesSinceStaged,
  commitAll,
  readWsFile,
  readWsJson,
  resetWorkspace,
  run,
  runOk,
  sh,
  writeWsFile,
  wsFileExists,
  APP_ARG,
} from './harness';

describe('env', () => {
  beforeAll(() => {
    resetWorkspace();
    // The app depends on the library in the Nx project graph.
    const pkg = readWsJson(`${APP_ROOT}/package.json`);
    pkg.nx = { ...pkg.nx, implicitDependencies: [LIB] };
    writeWsFile(`${APP_ROOT}/package.json`, JSON.stringify(pkg, null, 2) + '\n');
    writeWsFile(
      `${APP_ROOT}/app/config.ts`,
      "export const api = process.env.NEXT_PUBLIC_API_URL ?? 'http://localhost:3000';\nexport const pageSize = Number(process.env.PAGE_SIZE || 20);\n",
    );
    writeWsFile(
      `${LIB_ROOT}/src/lib/payments.ts`,
      "export const theme = process.env.UI_THEME ?? 'light';\nexport const paymentsKey = process.env.PAYMENTS_SECRET_KEY;\n",
    );
    // The app imports the library (by its package name, through its barrel): what the import graph
    // reaches is what the app runs. A file of the library nothing imports reads nothing of the app's.
    writeWsFile(`${LIB_ROOT}/src/index.ts`, `${readWsFile(`${LIB_ROOT}/src/index.ts`)}export * from './lib/payments';\n`);
    writeWsFile(`${LIB_ROOT}/src/lib/admin-only.ts`, 'export const adminKey = process.env.NEXT_PUBLIC_ADMIN_ONLY_KEY;\n');
    writeWsFile(`${APP_ROOT}/app/theme.ts`, "import { theme } from '@ws/ui';\nexport const uiTheme = theme;\n");
    commitAll('env reads in the app and its library');
  });
  afterAll(() => resetWorkspace());

  it('--dry-run writes nothing', () => {
    runOk(`npx nx g @plinto/ready:env --project=${APP} --dry-run`);
    expect(sh('git status --porcelain')).toBe('');
  });

  it("writes .env.production with the app's and the library's variables, no secret value, and a typed module", () => {
    const r = runOk(`npx nx g @plinto/ready:env --project=${APP_ARG}`);
    expect(r.output).toContain(`read in ${APP}, ${LIB}`);
    const env = readWsFile(`${APP_ROOT}/.env.production`);
    expect(env).toContain(`# read at ${LIB_ROOT}/src/lib/payments.ts:1\nUI_THEME=light`);
    expect(env).not.toContain('NEXT_PUBLIC_ADMIN_ONLY_KEY');
    expect(env).toMatch(/# secret: set it in the deployment environment, never in a committed file\nPAYMENTS_SECRET_KEY=\n/);
    // The code's localhost fallback is never a production value, nor a placeholder that would
    // define the variable as "" (the code's fallback would no longer apply): a line commented out.
    expect(env).toContain(
      '# the code falls back to http://localhost:3000 (a local address): set the production value\n# NEXT_PUBLIC_API_URL=\n',
    );
    expect(env).toContain('PAGE_SIZE=20');
    expect(readWsFile('.gitignore')).toContain('.env*.local');
    // The app's tests run on jest, which cannot load @t3-oss/env-nextjs (ESM only) without a
    // transform: the module is written on zod alone, so every suite importing it still loads.
    expect(r.output).toContain("zod alone: this project's tests run on jest");
    const module = readWsFile(`${APP_ROOT}/app/env.ts`);
    expect(module).toContain("import { z } from 'zod';");
    expect(module).not.toMatch(/from '@t3-oss/);
    // Nx 23's apps declare their own dependencies: the module's go there, and are installed.
    expect(readWsJson(`${APP_ROOT}/package.json`).dependencies).toHaveProperty('zod');
    expect(readWsJson(`${APP_ROOT}/package.json`).dependencies).not.toHaveProperty('@t3-oss/env-nextjs');
    expect(wsFileExists('node_modules/zod/package.json')).toBe(true);
    sh('git add -A');
    runOk(`npx nx g @plinto/ready:env --project=${APP_ARG}`);
    expect(changesSinceStaged()).toBe('');
    commitAll('env');
  });

  it('the generated module type-checks and nx build passes with a page that uses it', () => {
    writeWsFile(
      `${APP_ROOT}/app/settings/page.tsx`,
      "import { env } from '../env';\n\nexport default function Settings() {\n  return <p>API at {env.NEXT_PUBLIC_API_URL}, {env.PAGE_SIZE} per page</p>;\n}\n",
    );
    commitAll('settings page');
    runOk(`npx tsc --noEmit -p ${APP_ROOT}/tsconfig.json`);
    // A jest suite that imports the module loads and reads it.
    writeWsFile(
      `${APP_ROOT}/specs/env-module.spec.ts`,
      // jsdom: the browser's side of the module (client variables only).
      "import { env } from '../app/env';\n\nit('loads the typed env', () => {\n  expect(env).toBeDefined();\n});\n",
    );
    runOk(`npx nx test ${APP} --skip-nx-cache`, { env: { PAYMENTS_SECRET_KEY: 'from-the-deployment' } });
    sh(`rm ${APP_ROOT}/specs/env-module.spec.ts`);
    // The build machine holds no server secret (the deployment does): the module checks server
    // values when the server starts, not during next build, so the app builds as it did before.
    // --skip-sync: the app's new import of the library is a project reference Nx's TypeScript sync
    // would add, after which a plain `tsc -p` of the app wants the library built first.
    expect(readWsFile(`${APP_ROOT}/.env.production`)).toMatch(/^PAYMENTS_SECRET_KEY=$/m);
    runOk(`npx nx build ${APP} --skip-nx-cache --skip-sync`);
    // A development default is never production's: the module gives none, so a build without the value shows none.
    const html = readWsFile(`${APP_ROOT}/.next/server/app/settings.html`);
    expect(html).toContain('per page');
    expect(html).not.toContain('http://localhost:3000');
  });

  it('--rewrite withholds a file whose type errors the rewrite would raise, names the error, and rewrites the rest', () => {
    // PAGE_SIZE is a number in the module (the code reads it with Number()): parseInt(env.PAGE_SIZE) would not compile.
    writeWsFile(`${APP_ROOT}/app/paging.ts`, "export const perPage = parseInt(process.env.PAGE_SIZE ?? '20', 10);\n");
    commitAll('paging');
    const r = runOk(`npx nx g @plinto/ready:env --project=${APP} --rewrite`);
    expect(r.output).toContain(`withheld  ${APP_ROOT}/app/paging.ts: the change would add type errors, file left as it is`);
    expect(r.output).toMatch(
      new RegExp(`${APP_ROOT}/app/paging\\.ts:\\d+ TS2345 Argument of type 'number' is not assignable to parameter of type 'string'`),
    );
    expect(readWsFile(`${APP_ROOT}/app/paging.ts`)).toContain('process.env.PAGE_SIZE');
    expect(readWsFile(`${APP_ROOT}/app/config.ts`)).toContain('Number(env.PAGE_SIZE || 20)');
    runOk(`npx tsc --noEmit -p ${APP_ROOT}/tsconfig.json`);
    sh(`git checkout -q -- . && git clean -q -fd -- ${APP_ROOT}/app`);
  });

  it('the env check passes, then fails on a real-looking secret committed in an env file', () => {
    run(`npx nx run ${APP}:ready --checks=env --excludeTaskDependencies`);
    expect(readWsJson(`dist/ready/${APP_ROOT}/ready.json`).checks[0]).toMatchObject({ id: 'env', status: 'pass' });
    writeWsFile(
      `${APP_ROOT}/.env.production`,
      readWsFile(`${APP_ROOT}/.env.production`).replace('PAYMENTS_SECRET_KEY=\n', 'PAYMENTS_SECRET_KEY=sk_live_51Hx9ZQ2eZvKYlo2C8x7\n'),
    );
    writeWsFile(`${APP_ROOT}/app/new.ts`, 'export const n = process.env.NEW_UNDECLARED;\n');
    commitAll('a committed secret and an undeclared variable');
    run(`npx nx run ${APP}:ready --checks=env --excludeTaskDependencies`);
    const check = readWsJson(`dist/ready/${APP_ROOT}/ready.json`).checks[0];
    expect(check).toMatchObject({ id: 'env', status: 'fail', fix: `nx g @plinto/ready:env --project=${APP_ARG}` });
    expect(check.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: `${APP_ROOT}/app/new.ts`,
          line: 1,
          message: expect.stringContaining('NEW_UNDECLARED is read but declared nowhere'),
        }),
        expect.objectContaining({
          file: `${APP_ROOT}/.env.production`,
          message: expect.stringContaining('PAYMENTS_SECRET_KEY holds what looks like a real secret'),
        }),
      ]),
    );
  });
});
