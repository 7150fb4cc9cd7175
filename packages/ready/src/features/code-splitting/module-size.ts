import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Under this, splitting a module out of the first load saves less than its loader costs. */
export const HEAVY_MODULE_MIN_GZIP_BYTES = 20_000;

/** Never counted in a module's weight: the app loads them anyway. */
const SHARED = ['react', 'react-dom', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'next', 'next/*', 'scheduler'];

export type ModuleSize = { gzip: number } | { unknown: string };

/**
 * What importing `specifier` adds to a client bundle: the module bundled for the browser the way
 * the app's bundler would take it in (esbuild, minified, tree-shaken to the names imported, React
 * and Next left out), gzipped. Unknown (with the reason) when it is not installed or does not
 * bundle: the caller then falls back to the list, and says so.
 */
export function measureModuleSize(workspaceRoot: string, projectRoot: string, specifier: string, names: readonly string[]): ModuleSize {
  // Loaded here, not at the top: only the dynamic-import generator and its check pay for esbuild.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const used = names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const contents =
    used.length > 0
      ? `export { ${used.map((n) => (n === 'default' ? 'default' : n)).join(', ')} } from ${JSON.stringify(specifier)};`
      : `export * from ${JSON.stringify(specifier)};`;
  try {
    const result = esbuild.buildSync({
      stdin: { contents, resolveDir: join(workspaceRoot, projectRoot), loader: 'js' },
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2020',
      external: SHARED,
      logLevel: 'silent',
      loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty', '.woff': 'empty', '.woff2': 'empty' },
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    return { gzip: gzipSync(result.outputFiles[0].contents).length };
  } catch (error) {
    const first = (error as { errors?: Array<{ text: string }> }).errors?.[0]?.text ?? (error as Error).message.split('\n')[0];
    return { unknown: first };
  }
}
