import { join } from 'node:path';
import { CodemodFixtureMeta, describeCodemodFixtures } from '../../testing/codemod-fixtures';
import { HEAVY_MODULES, isHeavy } from './heavy-modules';
import { dynamicImportCodemod, DynamicImportContext } from './transform';

interface Meta extends CodemodFixtureMeta {
  framework?: 'next' | 'react';
  ssr?: 'keep' | 'false';
  components?: Record<string, string[]>;
  appRouter?: boolean;
  /** Only client modules import the file (the generator finds it by the project's import graph). */
  clientByImporters?: boolean;
  /** Measured gzip bytes by module, as the generator's esbuild measurement would give them. */
  sizes?: Record<string, number>;
  /** Project modules the file imports, by specifier → their source text. */
  sources?: Record<string, string>;
}

describeCodemodFixtures(dynamicImportCodemod, join(__dirname, '__fixtures__'), {
  context: (meta: Meta): DynamicImportContext => ({
    file: meta.file,
    framework: meta.framework ?? 'next',
    modules: HEAVY_MODULES,
    components: new Map(Object.entries(meta.components ?? {}).map(([k, v]) => [k, new Set(v)])),
    ssr: meta.ssr ?? 'keep',
    appRouter: meta.appRouter,
    clientByImporters: meta.clientByImporters,
    weigh: meta.sizes
      ? (specifier) => {
          const bytes = meta.sizes![specifier];
          if (bytes === undefined) return { heavy: true, note: 'size unknown: not measured; judged by the list' };
          return { heavy: bytes >= 20_000, note: `${(bytes / 1000).toFixed(1)} kB gzip`, measured: true };
        }
      : undefined,
    readModule: (specifier) => meta.sources?.[specifier] ?? null,
  }),
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
