import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodemodFixtureMeta, describeCodemodFixtures } from '../../testing/codemod-fixtures';
import { importNameFor, nextImageCodemod, NextImageContext } from './transform';

interface Meta extends CodemodFixtureMeta {
  strategy?: 'static-import' | 'dimensions';
  warnings?: string[];
  remoteHosts?: Array<{ protocol: string; hostname: string }>;
  /** When set, only these remote hosts may be converted (next.config.* not editable). */
  allowedHosts?: string[];
}

const FIXTURES = join(__dirname, '__fixtures__');
const PUBLIC = join(FIXTURES, 'public');

describeCodemodFixtures(nextImageCodemod, FIXTURES, {
  context: (meta: Meta): NextImageContext => ({
    file: meta.file,
    projectRoot: 'apps/web',
    strategy: meta.strategy ?? 'static-import',
    publicFileExists: (p) => existsSync(join(PUBLIC, p)),
    readPublicFile: (p) => (existsSync(join(PUBLIC, p)) ? readFileSync(join(PUBLIC, p)) : null),
    remoteHostAllowed: meta.allowedHosts ? (host) => meta.allowedHosts!.includes(host) : undefined,
  }),
  expectations: (fixture, result) => {
    expect(result.warnings.map((s) => s.reason)).toEqual(fixture.meta.warnings ?? []);
    expect(result.remoteHosts).toEqual(fixture.meta.remoteHosts ?? []);
  },
});

describe('importNameFor', () => {
  it('makes a readable, valid identifier from the file name', () => {
    expect(importNameFor('hero.png')).toBe('heroImg');
    expect(importNameFor('images/team-photo@2x.png')).toBe('teamPhoto2xImg');
    expect(importNameFor('404.png')).toBe('img404Img');
  });
});
