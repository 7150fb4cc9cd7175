import { join } from 'node:path';
import { findEnvReads } from '../../codemods/env/find-env';
import { inMemorySourceFile, loadFixtures } from '../../testing/fixtures';
import { classify, isSecretLike, looksLikeRealSecret } from './classify';

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
