import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inMemorySourceFile, loadFixtures, recordOutput, syntaxErrors } from '../../testing/fixtures';
import { analyzeNextImage, importNameFor, nextImageCodemod, NextImageContext } from './transform';

interface Meta {
  file: string;
  strategy?: 'static-import' | 'dimensions';
  skips?: string[];
  warnings?: string[];
  remoteHosts?: Array<{ protocol: string; hostname: string }>;
  /** When set, only these remote hosts may be converted (next.config.* not editable). */
  allowedHosts?: string[];
}

const FIXTURES = join(__dirname, '__fixtures__');
const PUBLIC = join(FIXTURES, 'public');

function context(meta: Meta): NextImageContext {
  return {
    file: meta.file,
    projectRoot: 'apps/web',
    strategy: meta.strategy ?? 'static-import',
    publicFileExists: (p) => existsSync(join(PUBLIC, p)),
    readPublicFile: (p) => (existsSync(join(PUBLIC, p)) ? readFileSync(join(PUBLIC, p)) : null),
    remoteHostAllowed: meta.allowedHosts ? (host) => meta.allowedHosts!.includes(host) : undefined,
  };
}

describe('next-image codemod fixtures', () => {
  for (const fixture of loadFixtures<Meta>(FIXTURES)) {
    it(fixture.name, () => {
      const sf = inMemorySourceFile(fixture.meta.file, fixture.input);
      const predicted = analyzeNextImage(sf, context(fixture.meta));
      const result = nextImageCodemod(sf, context(fixture.meta));
      const text = sf.getFullText();
      expect(text).toBe(recordOutput(fixture, text));
      expect(syntaxErrors(fixture.meta.file, text)).toEqual([]);
      expect(result.skips.map((s) => s.reason)).toEqual(fixture.meta.skips ?? []);
      expect(result.warnings.map((s) => s.reason)).toEqual(fixture.meta.warnings ?? []);
      expect(result.remoteHosts).toEqual(fixture.meta.remoteHosts ?? []);
      expect(result.changed).toBe(fixture.input !== text);
      // The check's prediction and the codemod agree element by element.
      expect(predicted.filter((p) => p.plan.kind === 'skip').map((p) => p.line)).toEqual(result.skips.map((s) => s.line));
      expect(predicted.filter((p) => p.plan.kind !== 'skip').map((p) => p.line)).toEqual(result.changes.map((c) => c.line));
      // A second run changes nothing.
      const again = nextImageCodemod(sf, context(fixture.meta));
      expect(again.changed).toBe(false);
      expect(sf.getFullText()).toBe(text);
    });
  }
});

describe('importNameFor', () => {
  it('makes a readable, valid identifier from the file name', () => {
    expect(importNameFor('hero.png')).toBe('heroImg');
    expect(importNameFor('images/team-photo@2x.png')).toBe('teamPhoto2xImg');
    expect(importNameFor('404.png')).toBe('img404Img');
  });
});
