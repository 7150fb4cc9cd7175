import { execFileSync } from 'node:child_process';
import { diskTree } from '../../core/workspace/files';
import { TempWorkspace } from '../../testing/temp-workspace';
import { looksLikeRealSecret } from './classify';
import { measureEnv } from './measure';

describe('the env check on an app as teams keep it', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = new TempWorkspace();
  });
  afterEach(() => ws.cleanup());

  const measure = () => {
    execFileSync('git', ['init', '-q'], { cwd: ws.root });
    execFileSync('git', ['add', '-A'], { cwd: ws.root });
    return measureEnv(diskTree(ws.root), { name: 'web', root: 'apps/web' }, null);
  };

  it('counts a variable that an example file documents as declared (.env.example, .env.sample, .env.local.example, the root one)', () => {
    ws.write('apps/web/next.config.js', 'module.exports = {};\n')
      .write(
        'apps/web/app/config.ts',
        [
          'export const a = process.env.STRIPE_SECRET_KEY;',
          'export const b = process.env.SEARCH_URL;',
          'export const c = process.env.MAILER_HOST;',
          'export const d = process.env.SHARED_FLAG;',
          'export const e = process.env.NOT_DOCUMENTED;',
        ].join('\n') + '\n',
      )
      .write('apps/web/.env.example', 'STRIPE_SECRET_KEY=\n')
      .write('apps/web/.env.sample', 'SEARCH_URL=http://localhost:9200\n')
      .write('apps/web/.env.local.example', 'MAILER_HOST=localhost\n')
      .write('.env.example', 'SHARED_FLAG=false\n');
    const m = measure();
    expect(m.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^NOT_DOCUMENTED is read but declared nowhere/)]);
  });

  it('never calls a placeholder, a local URL, a public URL or a public key a secret; still finds the real ones', () => {
    ws.write('apps/web/next.config.js', 'module.exports = {};\n').write(
      'apps/web/.env.production.example',
      [
        'DATABASE_URL=mysql://root:@localhost:3306/db',
        'S3_URL=http://root:unused@localhost:3900/x',
        'SENDGRID_API_KEY=${SENDGRID_API_KEY_FROM_SECRETS}',
        'POSTGRES_URL=postgresql://user:password@host/db',
        'CORS_ORIGINS=["https://app.acme-shop.io","https://admin.acme-shop.io/dashboard/settings"]',
        'JWKS_URL=https://auth.acme-shop.io/tenant-7f3a9c2e/.well-known/jwks.json',
        'NEXT_PUBLIC_ALGOLIA_SEARCH_KEY=3f9a1c7e5b2d8f4a6c0e9b1d7a3f5c8e',
        'STRIPE_SECRET_KEY=sk_live_51HxY2eKz7wQ9pL3mN8vB4cT6',
        'REDIS_URL=redis://default:Zq7xW3pL9mK2vB8n@cache.acme-shop.io:6379',
      ].join('\n') + '\n',
    );
    const m = measure();
    expect(m.problems.map((p) => `${p.line}: ${p.message.split(' ')[0]}`)).toEqual(['8: STRIPE_SECRET_KEY', '9: REDIS_URL']);
  });

  it('judges values as a reviewer would', () => {
    expect(looksLikeRealSecret('your-api-key-here')).toBe(false);
    expect(looksLikeRealSecret('<your token>')).toBe(false);
    expect(looksLikeRealSecret('postgres://app:s3cr3t-passw0rd@db.example.com:5432/app')).toBe(false);
    expect(looksLikeRealSecret('https://hooks.acme.io/x?api_key=sk_live_51HxY2eKz7wQ9pL3mN8vB4cT6')).toBe(true);
    expect(looksLikeRealSecret('q8Zr2LmX0vB7nK4pT9wE1yH6cJ3uA5sD', 'NEXT_PUBLIC_MAPS_TOKEN')).toBe(false);
    expect(looksLikeRealSecret('q8Zr2LmX0vB7nK4pT9wE1yH6cJ3uA5sD', 'SESSION_SECRET')).toBe(true);
  });

  it('a generated env module nothing imports is "not wired", never a pass; imported (even for its side effect) it is', async () => {
    const { renderEnvModule } = await import('./env-module');
    const { envVariable } = await import('../../testing/env-variables');
    ws.write('apps/web/next.config.js', 'module.exports = {};\n')
      .write('apps/web/app/config.ts', 'export const api = process.env.API_URL;\n')
      .write('apps/web/src/env.ts', renderEnvModule([envVariable('API_URL')]));
    const unwired = measure();
    expect(unwired.problems).toEqual([]);
    expect(unwired.notWired).toMatchObject({ file: 'apps/web/src/env.ts', message: expect.stringContaining('nothing imports it') });
    ws.write(
      'apps/web/app/layout.tsx',
      "import '../src/env';\nexport default function Layout({ children }: { children: React.ReactNode }) { return children; }\n",
    );
    expect(measure().notWired).toBeNull();
  });
});

describe("the files of a library whose reads are the app's", () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = new TempWorkspace();
  });
  afterEach(() => ws.cleanup());

  it('reaches through package names (a workspace symlink), aliases and re-exports; reads a library whole where an import of it does not resolve', async () => {
    const { symlinkSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { filesTheAppRuns } = await import('./reach');
    ws.write('apps/web/tsconfig.json', {
      compilerOptions: { moduleResolution: 'bundler', module: 'esnext', jsx: 'preserve', paths: { '@/*': ['./*'] } },
    })
      .write(
        'apps/web/app/page.tsx',
        "import { Button } from '@ws/ui';\nimport { site } from '@/lib/site';\nexport default () => <Button>{site}</Button>;\n",
      )
      .write('apps/web/lib/site.ts', "export const site = 'x';\n")
      .write('libs/ui/package.json', { name: '@ws/ui', main: 'src/index.ts' })
      .write('libs/ui/src/index.ts', "export * from './button';\n")
      .write('libs/ui/src/button.tsx', 'export const Button = (p: { children: unknown }) => p.children;\n')
      .write('libs/ui/src/payment-form.tsx', 'export const key = process.env.NEXT_PUBLIC_STRIPE_KEY;\n')
      .write('libs/sdk/package.json', { name: '@ws/sdk', main: 'dist/index.js' })
      .write('libs/sdk/src/index.ts', 'export const sdk = process.env.SDK_URL;\n')
      .write('apps/web/app/api.ts', "import { sdk } from '@ws/sdk';\nexport const a = sdk;\n");
    mkdirSync(join(ws.root, 'node_modules/@ws'), { recursive: true });
    symlinkSync(join(ws.root, 'libs/ui'), join(ws.root, 'node_modules/@ws/ui'));
    symlinkSync(join(ws.root, 'libs/sdk'), join(ws.root, 'node_modules/@ws/sdk'));
    const files = filesTheAppRuns(diskTree(ws.root), { name: 'web', root: 'apps/web' }, [
      { name: 'ui', root: 'libs/ui', packageName: '@ws/ui' },
      { name: 'sdk', root: 'libs/sdk', packageName: '@ws/sdk' },
    ]);
    expect(files.get('apps/web')).toEqual(['apps/web/app/api.ts', 'apps/web/app/page.tsx', 'apps/web/lib/site.ts']);
    // The barrel and what it re-exports, never the payment form nothing imports.
    expect(files.get('libs/ui')).toEqual(['libs/ui/src/button.tsx', 'libs/ui/src/index.ts']);
    // Consumed through a build output that is not there: what it runs cannot be told, so all of it.
    expect(files.get('libs/sdk')).toEqual(['libs/sdk/src/index.ts']);
  });
});
