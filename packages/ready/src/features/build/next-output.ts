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
  try {
    return JSON.parse(readFileSync(join(workspaceRoot, file), 'utf8')) as T;
  } catch (error) {
    throw new ReadyError(
      `${file} cannot be read as JSON (${(error as Error).message.split('\n')[0]}): rebuild the project; if it persists, this Next.js version writes a manifest @plinto/ready does not know.`,
    );
  }
}

interface BuildManifest {
  rootMainFiles?: string[];
  polyfillFiles?: string[];
  pages?: Record<string, string[]>;
}

/** The chunks a route's client reference manifest says its page and layouts load. */
function appRouteChunks(workspaceRoot: string, manifestFile: string, entry: string): string[] {
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
  const manifest = (sandbox.__RSC_MANIFEST ?? {})[entry] as
    | { entryJSFiles?: Record<string, string[]>; clientModules?: Record<string, { chunks?: string[] }> }
    | undefined;
  if (!manifest) throw new ReadyError(`${manifestFile} has no entry for "${entry}": rebuild the project, then run again.`);
  const files = new Set<string>();
  if (manifest.entryJSFiles) {
    // Turbopack: the chunks of the page and of every layout above it.
    for (const list of Object.values(manifest.entryJSFiles)) for (const f of list) files.add(f);
  } else {
    // webpack: every client module's chunks ([id, file, id, file, …] or plain files).
    for (const mod of Object.values(manifest.clientModules ?? {})) {
      for (const c of mod.chunks ?? []) if (typeof c === 'string' && c.endsWith('.js')) files.add(c);
    }
  }
  return [...files].map((f) => f.replace(/^\/?_next\//, ''));
}

export interface MeasuredRoutes {
  routes: Omit<RouteSize, 'budgetKb' | 'overBudget'>[];
}

/**
 * First-load JS per route, as a modern browser downloads it: `rootMainFiles` plus the route's own
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
  const sizeOf = (file: string): ChunkSize => {
    let s = sizes.get(file);
    if (!s) {
      const abs = join(workspaceRoot, nextDir, file);
      if (!existsSync(abs))
        throw new ReadyError(`${posix.join(nextDir, file)} is listed by the build manifests but missing: rebuild the project.`);
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
    for (const [entry, route] of Object.entries(appRoutes).sort(([, a], [, b]) => a.localeCompare(b))) {
      if (!entry.endsWith('/page')) continue; // route handlers (…/route) send no JS to the browser
      const manifestFile = posix.join(nextDir, 'server', 'app', `${entry}_client-reference-manifest.js`);
      if (!existsSync(join(workspaceRoot, manifestFile))) continue;
      const files = [...new Set([...(build.rootMainFiles ?? []), ...appRouteChunks(workspaceRoot, manifestFile, entry)])];
      routes.push({ route, router: 'app', firstLoadJs: total(files), polyfills, chunks: files.map(sizeOf) });
    }
  }
  for (const [page, pageFiles] of Object.entries(build.pages ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (page === '/_app' || page === '/_document' || page === '/_error') continue;
    const files = [...new Set([...(build.pages?.['/_app'] ?? []), ...pageFiles])].filter((f) => f.endsWith('.js'));
    routes.push({ route: page, router: 'pages', firstLoadJs: total(files), polyfills, chunks: files.map(sizeOf) });
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
