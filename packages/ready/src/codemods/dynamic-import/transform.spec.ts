import { join } from 'node:path';
import { inMemorySourceFile, loadFixtures, recordOutput, syntaxErrors } from '../../testing/fixtures';
import { HEAVY_MODULES, isHeavy } from './heavy-modules';
import { analyzeDynamicImports, dynamicImportCodemod, DynamicImportContext } from './transform';

interface Meta {
  file: string;
  framework?: 'next' | 'react';
  ssr?: 'keep' | 'false';
  skips?: string[];
  components?: Record<string, string[]>;
}

const context = (meta: Meta): DynamicImportContext => ({
  file: meta.file,
  framework: meta.framework ?? 'next',
  modules: HEAVY_MODULES,
  components: new Map(Object.entries(meta.components ?? {}).map(([k, v]) => [k, new Set(v)])),
  ssr: meta.ssr ?? 'keep',
});

describe('dynamic-import codemod fixtures', () => {
  for (const fixture of loadFixtures<Meta>(join(__dirname, '__fixtures__'))) {
    it(fixture.name, () => {
      const sf = inMemorySourceFile(fixture.meta.file, fixture.input);
      const predicted = analyzeDynamicImports(sf, context(fixture.meta)).findings;
      const result = dynamicImportCodemod(sf, context(fixture.meta));
      const text = sf.getFullText();
      expect(text).toBe(recordOutput(fixture, text));
      expect(syntaxErrors(fixture.meta.file, text)).toEqual([]);
      expect(result.skips.map((s) => s.reason)).toEqual(fixture.meta.skips ?? []);
      expect(predicted.filter((f) => f.skip).map((f) => f.skip)).toEqual(fixture.meta.skips ?? []);
      expect(result.changed).toBe(fixture.input !== text);
      const again = dynamicImportCodemod(sf, context(fixture.meta));
      expect(again.changed).toBe(false);
      expect(sf.getFullText()).toBe(text);
    });
  }
});

describe('heavy modules', () => {
  it('matches packages, subpaths and scopes', () => {
    expect(isHeavy('recharts', HEAVY_MODULES)).toBe(true);
    expect(isHeavy('react-syntax-highlighter/dist/esm/styles/prism', HEAVY_MODULES)).toBe(true);
    expect(isHeavy('@nivo/line', HEAVY_MODULES)).toBe(true);
    expect(isHeavy('@tiptap/starter-kit', HEAVY_MODULES)).toBe(true);
    expect(isHeavy('react', HEAVY_MODULES)).toBe(false);
    expect(isHeavy('rechartsy', HEAVY_MODULES)).toBe(false);
  });
});
