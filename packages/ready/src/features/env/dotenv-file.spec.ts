import { envVariable } from '../../testing/env-variables';
import { STALE_MARK, mergeDotenv, parseDotenv } from './dotenv-file';

const v = envVariable;

const VARS = [
  v('NEXT_PUBLIC_API_URL', { fallback: 'http://localhost:3000', type: 'url' }),
  v('PAGE_SIZE', { fallback: '20', type: 'number' }),
  v('STRIPE_SECRET_KEY', { secret: true }),
  v('FROM_LIB', { readAt: ['libs/pay/src/client.ts:4'] }),
];

describe('.env.production merge', () => {
  it('writes every variable, grouped client/server, with where it is read; secrets empty', () => {
    const { text, added } = mergeDotenv('', VARS);
    expect(added).toEqual(['NEXT_PUBLIC_API_URL', 'PAGE_SIZE', 'STRIPE_SECRET_KEY', 'FROM_LIB']);
    expect(text).toBe(
      [
        '# --- added by @plinto/ready env ---',
        '# Client: NEXT_PUBLIC_* values are inlined into the browser bundle at build time; never put a secret here.',
        '# read at apps/web/app/config.ts:1',
        '# the code falls back to http://localhost:3000 (a local address): set the production value',
        'NEXT_PUBLIC_API_URL=',
        '',
        '# Server: read at run time on the server only.',
        '# read at apps/web/app/config.ts:1',
        'PAGE_SIZE=20',
        '# read at apps/web/app/config.ts:1',
        '# secret: set it in the deployment environment, never in a committed file',
        'STRIPE_SECRET_KEY=',
        '# read at libs/pay/src/client.ts:4',
        '# no default in the code: set it for production',
        'FROM_LIB=',
        '',
      ].join('\n'),
    );
  });

  it('keeps what the user wrote, in place, adds what is missing, marks what is no longer read; a second run changes nothing', () => {
    const existing = [
      '# our production settings',
      'PAGE_SIZE=50 # tuned',
      '',
      'OLD_FLAG="on"',
      'export NEXT_PUBLIC_API_URL=https://api.example.com',
      '',
    ].join('\n');
    const first = mergeDotenv(existing, VARS);
    expect(first.added).toEqual(['STRIPE_SECRET_KEY', 'FROM_LIB']);
    expect(first.stale).toEqual(['OLD_FLAG']);
    expect(
      first.text.startsWith(
        [
          '# our production settings',
          'PAGE_SIZE=50 # tuned',
          '',
          STALE_MARK,
          'OLD_FLAG="on"',
          'export NEXT_PUBLIC_API_URL=https://api.example.com',
          '',
        ].join('\n'),
      ),
    ).toBe(true);
    expect(parseDotenv(first.text).entries.find((e) => e.key === 'PAGE_SIZE')!.value).toBe('50');
    expect(mergeDotenv(first.text, VARS).text).toBe(first.text);
  });

  it('keeps a malformed line as it is, and reports it', () => {
    const { text, malformed } = mergeDotenv('GOOD=1\nthis is not an entry\n', [v('GOOD')]);
    expect(text).toBe('GOOD=1\nthis is not an entry\n');
    expect(malformed).toEqual([{ line: 2, text: 'this is not an entry' }]);
  });

  it('reads quoted, exported and multi-line values as dotenv does', () => {
    const parsed = parseDotenv('A="x y"\nexport B=\'z\'\nC="line1\nline2"\nD=plain # comment\n');
    expect(parsed.entries.map((e) => [e.key, e.value])).toEqual([
      ['A', 'x y'],
      ['B', 'z'],
      ['C', 'line1\nline2'],
      ['D', 'plain'],
    ]);
    expect(parsed.malformed).toEqual([]);
  });
});
