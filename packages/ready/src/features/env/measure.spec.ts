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
