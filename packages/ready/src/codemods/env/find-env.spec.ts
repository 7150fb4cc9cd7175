import { join } from 'node:path';
import { inMemorySourceFile, loadFixtures } from '../../testing/fixtures';
import { findEnvReads, findNextConfigEnvKeys } from './find-env';

const [fixture] = loadFixtures<{ file: string }>(join(__dirname, '__fixtures__'));

describe('finding environment variable reads', () => {
  const scan = findEnvReads(inMemorySourceFile(fixture.meta.file, fixture.input), fixture.meta.file);
  const read = (name: string) => scan.reads.find((r) => r.name === name);

  it('finds every read form with its line, and no write', () => {
    expect(scan.reads.map((r) => [r.name, r.line, r.form])).toEqual([
      ['NEXT_PUBLIC_API_URL', 2, 'process.env.X'],
      ['PAGE_SIZE', 3, 'process.env.X'],
      ['AWS_REGION', 4, "process.env['X']"],
      ['STRIPE_SECRET_KEY', 5, 'destructuring'],
      ['FEATURE_BETA', 5, 'destructuring'],
      ['LOG_LEVEL', 5, 'destructuring'],
      ['DEBUG', 7, 'process.env.X'],
      ['APP_MODE', 8, 'process.env.X'],
      ['VITE_FLAG', 9, 'import.meta.env'],
      ['SENTRY_DSN', 10, "process.env['X']"],
    ]);
  });

  it('takes fallbacks as defaults and the use as the type', () => {
    expect(read('NEXT_PUBLIC_API_URL')).toMatchObject({ fallback: 'http://localhost:3000' });
    expect(read('PAGE_SIZE')).toMatchObject({ fallback: '20', type: 'number' });
    expect(read('FEATURE_BETA')).toMatchObject({ fallback: 'false' });
    expect(read('LOG_LEVEL')).toMatchObject({ fallback: 'info' });
    expect(read('DEBUG')).toMatchObject({ type: 'boolean' });
    expect(read('APP_MODE')).toMatchObject({ type: 'enum', values: ['preview'] });
  });

  it('reports dynamic names and rest destructuring as unresolvable, with file:line', () => {
    expect(scan.unresolved).toEqual([
      { file: 'apps/web/app/config.ts', line: 12, text: 'process.env[name]' },
      { file: 'apps/web/app/config.ts', line: 14, text: '...all = process.env' },
    ]);
  });

  it('reads the keys of env: {} in next.config.*', () => {
    const sf = inMemorySourceFile(
      'apps/web/next.config.js',
      "module.exports = { env: { BUILD_SHA: process.env.GIT_SHA, 'RELEASE': '1' } };",
    );
    expect(findNextConfigEnvKeys(sf, 'apps/web/next.config.js').map((r) => r.name)).toEqual(['BUILD_SHA', 'RELEASE']);
  });
});
