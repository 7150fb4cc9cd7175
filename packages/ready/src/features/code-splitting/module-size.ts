import { readJsonIfValid } from '../../utils/json';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** Where measured sizes are kept between runs, as build tools keep theirs (babel-loader, eslint). */
export const MODULE_SIZE_CACHE = 'node_modules/.cache/@plinto/ready/module-sizes.json';

const caches = new Map<string, Record<string, number>>();

/**
 * `measureModuleSize`, remembered between runs: a module's size depends only on the installed
 * package (name and version, found where Node would find it from the project), the names imported
 * and the bundler's version, which together are the key. Sizes that could not be measured, and
 * modules not found in a node_modules folder, are measured again each time.
 */
export function cachedModuleSize(
  workspaceRoot: string,
  projectRoot: string,
  specifier: string,
  names: readonly string[],
  options: { aliased?: boolean } = {},
): ModuleSize {
  const installed = installedPackage(join(workspaceRoot, projectRoot), specifier);
  if (!installed) {
    // Not in any node_modules Node would look in: nothing to bundle, unless a tsconfig path maps it
    // or Yarn PnP resolves it (esbuild reads both).
    if (!options.aliased && !existsSync(join(workspaceRoot, '.pnp.cjs')))
      return { unknown: `Could not resolve ${JSON.stringify(specifier)}` };
    return measureModuleSize(workspaceRoot, projectRoot, specifier, names);
  }
  // The bundler's version from its manifest: a size the cache holds never loads the bundler.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuildVersion = (require('esbuild/package.json') as { version: string }).version;
  const key = `${specifier} ${installed} [${[...names].sort().join(',')}] esbuild@${esbuildVersion}`;
  const file = join(workspaceRoot, MODULE_SIZE_CACHE);
  let cache = caches.get(file);
  if (!cache) {
    cache = readJsonIfValid<Record<string, number>>(file) ?? {};
    caches.set(file, cache);
  }
  if (typeof cache[key] === 'number') return { gzip: cache[key] };
  const size = measureModuleSize(workspaceRoot, projectRoot, specifier, names);
  if ('gzip' in size) {
    cache[key] = size.gzip;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(cache, null, 1));
    } catch {
      // a cache that cannot be written only costs time
    }
  }
  return size;
}

/** `name@version (path)` of the package a bare specifier names, found as Node finds it from `fromDir`; null when not installed. */
function installedPackage(fromDir: string, specifier: string): string | null {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) {
      try {
        return `${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version} (${manifest})`;
      } catch {
        return null;
      }
    }
    if (dirname(dir) === dir) return null;
  }
}
