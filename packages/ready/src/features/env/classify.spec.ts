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
      '# optional: where it is unset, the code goes on with what it reads beside it (||, ??)\n# APP_ORIGIN=\n',
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

describe('env judgement: how the code tests, guards and falls back (round 3)', () => {
  const vars = variablesOf({
    'apps/web/lib/backends.ts': [
      'if (process.env.SENTRY_DSN) init({ dsn: process.env.SENTRY_DSN });',
      'export function mailer() {',
      '  if (!process.env.SMTP_HOST) return null;',
      '  return connect(process.env.SMTP_HOST);',
      '}',
      'export const plausible = !!process.env.PLAUSIBLE_DOMAIN;',
      "export const cdn = process.env.CDN_HOST ? `https://${process.env.CDN_HOST}` : '';",
      'export const hook = process.env.SLACK_WEBHOOK && post(process.env.SLACK_WEBHOOK);',
      "if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required');",
      'export const db = connect(process.env.DATABASE_URL);',
      "const clickhouseEnabled = process.env.CLICKHOUSE_ENABLED === 'true';",
      'export const ch = clickhouseEnabled ? new URL(process.env.CLICKHOUSE_URL!) : null;',
      "export const beta = process.env.FEATURE_BETA === 'true';",
      "if (process.env.NODE_ENV === 'production') connect(process.env.PROD_ONLY_URL);",
      'const { COMPANY_NAME, SITE_NAME } = process.env;',
      "export const brand = COMPANY_NAME || SITE_NAME || '';",
      'export const oauth = [process.env.GITHUB_CLIENT_ID, process.env.GITHUB_CLIENT_SECRET, process.env.GITHUB_SHA];',
      'declare function init(o: object): void; declare function connect(u?: string): object; declare function post(u: string): void;',
    ].join('\n'),
  });
  const v = (name: string) => vars.find((x) => x.name === name)!;

  it('a variable the code tests for absence is optional, whatever the form of the test; one whose absence only throws is required', () => {
    for (const name of ['SENTRY_DSN', 'SMTP_HOST', 'PLAUSIBLE_DOMAIN', 'CDN_HOST', 'SLACK_WEBHOOK'])
      expect({ name, optional: v(name).optional }).toEqual({ name, optional: 'presence' });
    expect(v('DATABASE_URL').optional).toBeNull();
  });

  it('a setting read only behind a switch is optional; NODE_ENV is no switch (production is where it is deployed)', () => {
    expect(v('CLICKHOUSE_URL').optional).toBe('guarded');
    expect(v('PROD_ONLY_URL').optional).toBeNull();
  });

  it("a flag compared to 'true' is an optional boolean, off while unset", () => {
    expect(v('FEATURE_BETA')).toMatchObject({ type: 'boolean', optional: 'flag' });
    expect(renderEnvModule(vars)).toContain(
      `FEATURE_BETA: z.enum(['true', 'false', '1', '0']).default("false").transform((value) => value === 'true' || value === '1'),`,
    );
  });

  it('a destructured variable used with || beside another is seen as falling back', () => {
    expect(v('COMPANY_NAME')).toMatchObject({ optional: 'alternative', fallsBack: true });
    expect(v('SITE_NAME')).toMatchObject({ fallsBack: true });
    expect(v('SITE_NAME').optional).not.toBeNull();
  });

  it('platform variables are the ones the platform sets, not every name with its prefix', () => {
    expect(v('GITHUB_SHA').optional).toBe('platform');
    expect(v('GITHUB_CLIENT_ID').optional).toBeNull();
    expect(v('GITHUB_CLIENT_SECRET').optional).toBeNull();
    expect(mergeDotenv('', vars).added).toEqual(expect.arrayContaining(['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET']));
  });

  it('no placeholder defines a variable the code falls back from: commented out, and a second merge adds nothing', () => {
    const first = mergeDotenv('', vars);
    for (const name of ['SENTRY_DSN', 'COMPANY_NAME', 'FEATURE_BETA', 'CLICKHOUSE_URL'])
      expect({ name, line: first.text.split('\n').find((l) => l.includes(`${name}=`)) }).toEqual({ name, line: `# ${name}=` });
    // What the code needs and has no way on without stays a line to fill in.
    expect(first.text).toContain('\nDATABASE_URL=\n');
    expect(mergeDotenv(first.text, vars)).toMatchObject({ text: first.text, added: [] });
  });
});
