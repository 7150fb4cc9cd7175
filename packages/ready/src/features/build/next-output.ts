import { readJsonFile } from '../../utils/json';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';
import { globSync } from 'tinyglobby';
import { ReadyError } from '../../utils/errors';
import { ChunkSize, RouteSize } from './types';

/** The Next.js build folder of a project: `<root>/.next`, or the older `dist/<root>/.next`. */
export function findNextDir(workspaceRoot: string, projectRoot: string, configured?: string): string {
  const candidates = configured ? [configured] : [posix.join(projectRoot, '.next'), posix.join('dist', projectRoot, '.next')];
  const found = candidates.find((c) => existsSync(join(workspaceRoot, c, 'build-manifest.json')));
  if (!found) {
    throw new ReadyError(
      `No Next.js build output in ${candidates.join(' or ')} (no build-manifest.json): run the project's build first (build-production depends on it), then run again.`,
    );
  }
  return found;
}

function readJson<T>(workspaceRoot: string, file: string): T {
  return readJsonFile<T>(
    workspaceRoot,
    file,
    'rebuild the project; if it persists, this Next.js version writes a manifest @plinto/ready does not know.',
    'cannot be read as JSON',
  );
}

interface BuildManifest {
  rootMainFiles?: string[];
  polyfillFiles?: string[];
  pages?: Record<string, string[]>;
  lowPriorityFiles?: string[];
}

function safeDecode(file: string): string {
  try {
    return decodeURIComponent(file);
  } catch {
    return file;
  }
}

/** The layout entries above an app-router page entry: "/blog/[id]/page" → "/layout", "/blog/layout", "/blog/[id]/layout". */
export function layoutsAbove(entry: string): string[] {
  const segments = entry.split('/').filter(Boolean).slice(0, -1);
  return segments.reduce<string[]>((all, _s, i) => [...all, `/${segments.slice(0, i + 1).join('/')}/layout`], ['/layout']);
}

/** The boundary entries above an app-router page entry: "/blog/page" → "/error", "/loading", "/not-found", "/blog/error", … */
export function boundariesAbove(entry: string): string[] {
  return layoutsAbove(entry).flatMap((layout) => ['error', 'loading', 'not-found'].map((kind) => layout.replace(/layout$/, kind)));
}

type RscManifest = { entryJSFiles?: Record<string, string[]>; clientModules?: Record<string, { chunks?: unknown[] }> };

function readRscManifest(workspaceRoot: string, manifestFile: string, entry: string): RscManifest {
  const code = readFileSync(join(workspaceRoot, manifestFile), 'utf8');
  const sandbox: { globalThis: Record<string, unknown>; __RSC_MANIFEST?: Record<string, unknown> } = { globalThis: {} };
  sandbox.globalThis = sandbox as unknown as Record<string, unknown>;
  try {
    runInNewContext(code, sandbox, { timeout: 2000 });
  } catch (error) {
    throw new ReadyError(
      `${manifestFile} could not be evaluated (${(error as Error).message}): rebuild the project; if it persists, report the Next.js version.`,
    );
  }
  const manifest = (sandbox.__RSC_MANIFEST ?? {})[entry] as RscManifest | undefined;
  if (!manifest) throw new ReadyError(`${manifestFile} has no entry for "${entry}": rebuild the project, then run again.`);
  return manifest;
}

const jsOnly = (files: string[]) => files.filter((f) => f.endsWith('.js')).map((f) => f.replace(/^\/?_next\//, ''));

/**
 * The chunks an app-router page loads besides the root main files: those of the page's own entry
 * and of every layout above it, never the chunks of client modules other routes use.
 * - Turbopack (and any build whose client reference manifest has `entryJSFiles`): per entry.
 * - webpack on Next 13–15: `app-build-manifest.json`, per entry.
 * - webpack on Next 16 (neither): the manifest's client modules, kept to those the route's own
 *   server bundle references, which are the ones its HTML can load.
 */
function appRouteChunks(
  workspaceRoot: string,
  nextDir: string,
  entry: string,
  manifestFile: string,
  appBuild: Record<string, string[]> | null,
  readText: (absolute: string) => string,
): { files: string[]; layoutFiles: string[] } {
  if (appBuild) {
    const layoutFiles = jsOnly(layoutsAbove(entry).flatMap((l) => appBuild[l] ?? []));
    // The error, loading and not-found boundaries of every segment above the page: their client
    // chunks are in the page's HTML too (an app/error.tsx is on every page below it).
    const boundaryFiles = jsOnly(boundariesAbove(entry).flatMap((b) => appBuild[b] ?? []));
    return { files: jsOnly([...(appBuild[entry] ?? []), ...layoutFiles, ...boundaryFiles]), layoutFiles };
  }
  // Only Next 13–15's app-build-manifest tells Next's own figure apart, so only it needs the layouts' files.
  const manifest = readRscManifest(workspaceRoot, manifestFile, entry);
  if (manifest.entryJSFiles) return { files: jsOnly(Object.values(manifest.entryJSFiles).flat()), layoutFiles: [] };
  const server = serverBundleText(workspaceRoot, nextDir, entry, readText);
  const files: string[] = [];
  for (const [id, mod] of Object.entries(manifest.clientModules ?? {})) {
    const path = id.split('#')[0];
    if (!server.includes(path)) continue;
    for (const c of mod.chunks ?? []) if (typeof c === 'string' && c.endsWith('.js')) files.push(c);
  }
  return { files: jsOnly(files), layoutFiles: [] };
}

/**
 * The route's server bundle and the server chunks it loads, where its client references are named.
 * Routes share most server chunks: `readText` reads each file once per measure.
 */
function serverBundleText(workspaceRoot: string, nextDir: string, entry: string, readText: (absolute: string) => string): string {
  const nft = join(workspaceRoot, nextDir, 'server', 'app', `${entry}.js.nft.json`);
  const page = join(workspaceRoot, nextDir, 'server', 'app', `${entry}.js`);
  const files = [page];
  if (existsSync(nft)) {
    const listed = (JSON.parse(readFileSync(nft, 'utf8')) as { files?: string[] }).files ?? [];
    for (const f of listed) if (f.includes('chunks/') && f.endsWith('.js')) files.push(join(page, '..', f));
  }
  return files
    .filter((f) => existsSync(f))
    .map(readText)
    .join('\n');
}

/** The HTML Next prerendered for a route at build time (server/app or server/pages), or null (a dynamic route). */
function prerenderedHtml(workspaceRoot: string, nextDir: string, route: string, router: 'app' | 'pages'): string | null {
  const name = route === '/' ? 'index' : route.replace(/^\//, '');
  const file = join(workspaceRoot, nextDir, 'server', router, `${name}.html`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

const SCRIPT_TAG = /<script\b[^>]*>/gi;
const SRC_ATTRIBUTE = /\bsrc=(?:"([^"]*)"|'([^']*)')/i;

/**
 * The build's files a prerendered page's HTML loads as scripts: every `<script src>` under `/_next/`
 * (whatever basePath or assetPrefix comes before it, without a deployment query), less `noModule`
 * polyfills, which modern browsers skip. This is exactly what a browser downloads on first load:
 * the error boundary's chunks, the not-found page's and a redirecting page's, which the manifests
 * attribute wrongly, included.
 */
export function htmlScripts(html: string): string[] {
  const files: string[] = [];
  for (const [tag] of html.matchAll(SCRIPT_TAG)) {
    if (/\bnomodule\b/i.test(tag)) continue;
    const match = SRC_ATTRIBUTE.exec(tag);
    const src = match?.[1] ?? match?.[2];
    const at = src?.indexOf('/_next/') ?? -1;
    if (!src || at < 0) continue;
    const file = src.slice(at + '/_next/'.length).split(/[?#]/)[0];
    if (file.endsWith('.js') && !files.includes(file)) files.push(file);
  }
  return files;
}

export interface MeasuredRoutes {
  routes: Omit<RouteSize, 'budgetKb' | 'overBudget'>[];
}

/**
 * First-load JS per route, as a modern browser downloads it: for a prerendered route, the scripts
 * its HTML loads; for a dynamic one, `rootMainFiles` plus the route's own
 * chunks (app router), or `/_app` plus the page's files (pages router); `polyfillFiles` are
 * `noModule` scripts and are counted apart. Raw and gzip bytes of the files on disk.
 */
export function measureRoutes(workspaceRoot: string, nextDir: string): MeasuredRoutes {
  const build = readJson<BuildManifest>(workspaceRoot, posix.join(nextDir, 'build-manifest.json'));
  if (!Array.isArray(build.rootMainFiles) && !build.pages) {
    throw new ReadyError(
      `${nextDir}/build-manifest.json has neither rootMainFiles nor pages: this Next.js version writes a manifest @plinto/ready does not know.`,
    );
  }
  const sizes = new Map<string, ChunkSize>();
  const texts = new Map<string, string>();
  const readText = (absolute: string): string => {
    let text = texts.get(absolute);
    if (text === undefined) texts.set(absolute, (text = readFileSync(absolute, 'utf8')));
    return text;
  };
  const sizeOf = (file: string): ChunkSize => {
    let s = sizes.get(file);
    if (!s) {
      // Manifests may name a file URL-encoded (a dynamic segment's chunk: page/%5Bid%5D/…).
      const abs = [file, safeDecode(file)].map((f) => join(workspaceRoot, nextDir, f)).find((f) => existsSync(f));
      if (!abs) throw new ReadyError(`${posix.join(nextDir, file)} is listed by the build manifests but missing: rebuild the project.`);
      const bytes = readFileSync(abs);
      s = { file, raw: bytes.length, gzip: gzipSync(bytes).length };
      sizes.set(file, s);
    }
    return s;
  };
  const total = (files: string[]) =>
    files.map(sizeOf).reduce((a, c) => ({ raw: a.raw + c.raw, gzip: a.gzip + c.gzip }), { raw: 0, gzip: 0 });
  const polyfills = total(build.polyfillFiles ?? []);
  const routes: MeasuredRoutes['routes'] = [];

  const appRoutesFile = posix.join(nextDir, 'app-path-routes-manifest.json');
  if (existsSync(join(workspaceRoot, appRoutesFile))) {
    const appRoutes = readJson<Record<string, string>>(workspaceRoot, appRoutesFile);
    const appBuildFile = posix.join(nextDir, 'app-build-manifest.json');
    const appBuild = existsSync(join(workspaceRoot, appBuildFile))
      ? (readJson<{ pages?: Record<string, string[]> }>(workspaceRoot, appBuildFile).pages ?? null)
      : null;
    for (const [entry, route] of Object.entries(appRoutes).sort(([, a], [, b]) => a.localeCompare(b))) {
      if (!entry.endsWith('/page')) continue; // route handlers (…/route) send no JS to the browser
      if (route === '/_global-error') continue; // Next 16's fallback for a crashed root layout, not a route anyone visits
      const manifestFile = posix.join(nextDir, 'server', 'app', `${entry}_client-reference-manifest.js`);
      if (!appBuild && !existsSync(join(workspaceRoot, manifestFile))) continue;
      const own = appRouteChunks(workspaceRoot, nextDir, entry, manifestFile, appBuild, readText);
      // What the prerendered HTML loads where there is one; the manifests' account for dynamic routes.
      const html = prerenderedHtml(workspaceRoot, nextDir, route, 'app');
      const files = html ? htmlScripts(html) : [...new Set([...(build.rootMainFiles ?? []), ...own.files])];
      const measured: MeasuredRoutes['routes'][number] = {
        route,
        router: 'app',
        measuredFrom: html ? 'html' : 'manifests',
        firstLoadJs: total(files),
        polyfills,
        chunks: files.map(sizeOf),
      };
      if (appBuild) {
        // Next 13–15 print "First Load JS" from the page's own entry, leaving out the layouts' chunks.
        const nextFiles = [...new Set(jsOnly(appBuild[entry] ?? []))];
        measured.nextFirstLoadJs = { ...total(nextFiles), leavesOut: own.layoutFiles.filter((f) => !nextFiles.includes(f)) };
      }
      routes.push(measured);
    }
  }
  for (const [page, pageFiles] of Object.entries(build.pages ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (page === '/_app' || page === '/_document' || page === '/_error') continue;
    // The pages router's HTML also loads the build's route manifests (lowPriorityFiles), deferred.
    const html = prerenderedHtml(workspaceRoot, nextDir, page, 'pages');
    const files = html
      ? htmlScripts(html)
      : [...new Set([...(build.pages?.['/_app'] ?? []), ...pageFiles, ...(build.lowPriorityFiles ?? [])])].filter((f) => f.endsWith('.js'));
    routes.push({
      route: page,
      router: 'pages',
      measuredFrom: html ? 'html' : 'manifests',
      firstLoadJs: total(files),
      polyfills,
      chunks: files.map(sizeOf),
    });
  }
  return { routes };
}

/** How long `next build` took, from the trace Next.js writes into the build folder. */
export function buildSeconds(workspaceRoot: string, nextDir: string): number | null {
  const trace = join(workspaceRoot, nextDir, 'trace');
  if (!existsSync(trace)) return null;
  for (const line of readFileSync(trace, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const events = JSON.parse(line) as Array<{ name: string; duration: number }>;
      const build = events.find((e) => e.name === 'next-build');
      if (build) return Math.round(build.duration / 10_000) / 100;
    } catch {
      // a partial line: keep looking
    }
  }
  return null;
}

export function listFiles(dir: string): string[] {
  return globSync('**/*', { cwd: dir, dot: true, followSymbolicLinks: false, expandDirectories: false }).sort();
}
