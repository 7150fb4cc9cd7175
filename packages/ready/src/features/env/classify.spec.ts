import { join } from 'node:path';
import { findEnvReads } from '../../codemods/env/find-env';
import { inMemorySourceFile, loadFixtures } from '../../testing/fixtures';
import { classify, isRuntimeProvided, isSecretLike, looksLikeRealSecret } from './classify';
import { mergeDotenv } from './dotenv-file';
import { renderEnvModule } from './env-module';

const [fixture] = loadFixtures<{ file: string }>(join(__dirname, '../../codemods/env/__fixtures__'));

describe('classifying environment variables', () => {
  const scan = findEnvReads(inMemorySourceFile(fixture.meta.file, fixture.input), fixture.meta.file);

  it('classifies client/server, secrets, types and defaults, and never keeps a secret fallback', () => {
    const vars = classify(scan.reads.map((r) => ({ ...r, project: 'web' })));
    const v = (name: string) => vars.find((x) => x.name === name)!;
    expect(v('NEXT_PUBLIC_API_URL')).toMatchObject({ side: 'client', secret: false, type: 'url', fallback: 'http://localhost:3000' });
    expect(v('STRIPE_SECRET_KEY')).toMatchObject({ side: 'server', secret: true, type: 'string', fallback: null });
    expect(v('SENTRY_DSN')).toMatchObject({ secret: true });
    expect(v('PAGE_SIZE')).toMatchObject({ type: 'number', fallback: '20', readAt: ['apps/web/app/config.ts:3'] });
  });

  it('knows secret-like names and secret-looking values', () => {
    expect(['API_TOKEN', 'DB_PASSWORD', 'NEXT_PUBLIC_API_KEY', 'DATABASE_URL', 'GCP_PRIVATE_KEY', 'JWT_SECRET'].map(isSecretLike)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', 'NEXT_PUBLIC_MAPS_PUBLIC_KEY', 'PAGE_SIZE', 'KEYBOARD_LAYOUT'].map(isSecretLike)).toEqual(
      [false, false, false, false],
    );
    expect(looksLikeRealSecret('sk_live_abc')).toBe(true);
    expect(looksLikeRealSecret('postgres://app:s3cr3t-passw0rd@db:5432/app')).toBe(true);
    expect(looksLikeRealSecret('q8Zr2LmX0vB7nK4pT9wE1yH6cJ3uA5sD')).toBe(true);
    expect(looksLikeRealSecret('http://localhost:3000')).toBe(false);
    expect(looksLikeRealSecret('changeme')).toBe(false);
  });
});

/** The variables of some files, classified as the env generator classifies them. */
function variablesOf(files: Record<string, string>) {
  const reads = Object.entries(files).flatMap(([file, text]) =>
    findEnvReads(inMemorySourceFile(file, text), file).reads.map((r) => ({ ...r, project: 'web' })),
  );
  return classify(reads.filter((r) => !isRuntimeProvided(r.name)));
}

describe('env judgement on code as apps write it', () => {
  const vars = variablesOf({
    'apps/web/lib/site.ts': [
      "export const isPreview = process.env.VERCEL_ENV === 'preview';",
      "export const mode = process.env.APP_MODE === 'maintenance' ? 'off' : 'on';",
      'export const analytics = Boolean(process.env.NEXT_PUBLIC_ANALYTICS_ID);',
      "export const host = process.env.VERCEL_URL || 'precedent.dev';",
      "export const site = process.env.NEXT_PUBLIC_SITE_URL ?? '';",
      'export const api = process.env.API_URL;',
      "export const local = process.env.NEXT_PUBLIC_API_URL ?? 'http://localhost:8000';",
      'export const version = process.env.npm_package_version;',
      'export const anon = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;',
      "export const privateMode = process.env.PRIVATE_MODE === 'on';",
    ].join('\n'),
    'apps/web/playwright.config.ts': 'export default { use: { baseURL: process.env.PLAYWRIGHT_BASE_URL } };',
    'apps/web/mailers/reset.ts': [
      'export const origin = process.env.APP_ORIGIN || process.env.DEV_SERVER_ORIGIN;',
      'export const region = process.env.MAIL_REGION ?? defaultRegion();',
      'export const skip = !!process.env.SKIP_ENV_VALIDATION;',
      'declare function defaultRegion(): string;',
    ].join('\n'),
  });
  const v = (name: string) => vars.find((x) => x.name === name);

  it('a comparison with one literal is a hint, never an enum that would reject the other values', () => {
    expect(v('VERCEL_ENV')).toMatchObject({ type: 'string', optional: 'platform' });
    expect(v('APP_MODE')).toMatchObject({ type: 'string', values: ['maintenance'], optional: 'presence' });
    expect(vars.some((x) => (x.type as string) === 'enum')).toBe(false);
  });

  it('Boolean(process.env.X) tests presence: any value, or none, is valid', () => {
    expect(v('NEXT_PUBLIC_ANALYTICS_ID')).toMatchObject({ type: 'string', optional: 'presence' });
  });

  it('.url() only where the value is a URL: a host-name or empty fallback keeps it a string', () => {
    expect(v('VERCEL_URL')).toMatchObject({ type: 'string', fallback: 'precedent.dev', optional: 'platform' });
    expect(v('NEXT_PUBLIC_SITE_URL')).toMatchObject({ type: 'string', fallback: '' });
    expect(v('API_URL')).toMatchObject({ type: 'url', optional: null });
    expect(v('NEXT_PUBLIC_API_URL')).toMatchObject({ type: 'url', fallback: 'http://localhost:8000' });
  });

  it('either side of || or ?? with a non-literal other side is optional: the code goes on with the other side', () => {
    expect(v('APP_ORIGIN')).toMatchObject({ optional: 'alternative', fallback: null });
    expect(v('DEV_SERVER_ORIGIN')).toMatchObject({ optional: 'alternative' });
    expect(v('MAIL_REGION')).toMatchObject({ optional: 'alternative' });
    const module = renderEnvModule(vars);
    expect(module).toContain('APP_ORIGIN: z.string().optional(),');
    expect(module).toContain('MAIL_REGION: z.string().optional(),');
    expect(mergeDotenv('', vars).text).toContain(
      '# optional: where it is unset, the code goes on with what it reads beside it (||, ??)\nAPP_ORIGIN=',
    );
  });

  it('tool switches (SKIP_ENV_VALIDATION, ANALYZE, …) are tooling: never in .env.production', () => {
    expect(v('SKIP_ENV_VALIDATION')).toMatchObject({ optional: 'tooling' });
    expect(mergeDotenv('', vars).added).not.toContain('SKIP_ENV_VALIDATION');
  });

  it('npm sets npm_package_*: never the app’s variable', () => {
    expect(v('npm_package_version')).toBeUndefined();
  });

  it('variables only tooling reads are optional and stay out of .env.production', () => {
    expect(v('PLAYWRIGHT_BASE_URL')).toMatchObject({ optional: 'tooling' });
    const merged = mergeDotenv('', vars);
    expect(merged.added).not.toContain('PLAYWRIGHT_BASE_URL');
    expect(merged.added).not.toContain('VERCEL_ENV');
    expect(merged.added).not.toContain('VERCEL_URL');
    expect(merged.added).toContain('API_URL');
  });

  it('the schema lets the app start without what it may lack, and validates no default against a rule it breaks', () => {
    const module = renderEnvModule(vars);
    expect(module).toContain('VERCEL_ENV: z.string().optional(),');
    expect(module).toContain('VERCEL_URL: z.string().default("precedent.dev"),');
    expect(module).toContain('NEXT_PUBLIC_SITE_URL: z.string().default(""),');
    expect(module).toContain('NEXT_PUBLIC_ANALYTICS_ID: z.string().optional(),');
    expect(module).toContain('API_URL: z.string().url(),');
    expect(module).not.toMatch(/z\.enum\(\['preview'\]\)/);
  });

  it('keys meant for the browser are not secrets; PRIVATE alone is not a secret', () => {
    expect(v('NEXT_PUBLIC_SUPABASE_ANON_KEY')).toMatchObject({ secret: false });
    expect(v('PRIVATE_MODE')).toMatchObject({ secret: false });
    expect(['RECAPTCHA_SITE_KEY', 'NEXT_PUBLIC_FIREBASE_APP_ID', 'GOOGLE_CLIENT_ID'].map(isSecretLike)).toEqual([false, false, false]);
    expect(['GCP_PRIVATE_KEY', 'SUPABASE_SERVICE_ROLE_KEY', 'OPENAI_API_KEY'].map(isSecretLike)).toEqual([true, true, true]);
  });
});
