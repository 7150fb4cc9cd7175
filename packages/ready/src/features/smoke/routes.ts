import { join } from 'node:path';
import { readJsonIfValid } from '../../utils/json';

/** A path the smoke run requests, and where it comes from. */
export interface SmokeRoute {
  /** The URL path requested: `/`, `/shop/1`. */
  path: string;
  /** The route it belongs to, as the build names it: `/shop/[id]`. */
  route: string;
  kind: 'page' | 'handler';
  /** Why it is requested: built as it is, a prerendered path of a dynamic route, or the `routes` option. */
  from: 'static' | 'prerendered' | 'option';
}

export interface SmokeRoutePlan {
  routes: SmokeRoute[];
  /** Routes the build lists that are not requested, with the reason (a dynamic route with no known params, a handler not listed). */
  notRequested: Array<{ route: string; reason: string }>;
}

const isDynamic = (route: string) => /\[/.test(route);
/**
 * Next's own pages, never the app's routes: the pages router's shell, document and error pages,
 * and the app router's `_`-prefixed ones (`/_not-found`, `/_global-error`; an app's own `_folder`
 * is private, never a route).
 */
const INTERNAL = /^\/(404|500)$|(^|\/)_[^/]*/;

/**
 * The routes the build lists, from its manifests: the app router's (app-path-routes-manifest.json:
 * `…/page` a page, `…/route` a route handler) and the pages router's (pages-manifest.json: `/api/*`
 * handlers, the rest pages). Static pages are requested as built; a dynamic page with the paths the
 * build prerendered for it (generateStaticParams, getStaticPaths: prerender-manifest.json); route
 * handlers and dynamic routes with no prerendered path only where the `routes` option lists a path.
 */
export function smokeRoutes(nextDirAbs: string, optionRoutes: readonly string[] = []): SmokeRoutePlan {
  const appPaths = readJsonIfValid<Record<string, string>>(join(nextDirAbs, 'app-path-routes-manifest.json')) ?? {};
  const pagesManifest = readJsonIfValid<Record<string, string>>(join(nextDirAbs, 'server', 'pages-manifest.json')) ?? {};
  const prerender = readJsonIfValid<{ routes?: Record<string, { srcRoute?: string | null }> }>(join(nextDirAbs, 'prerender-manifest.json'));
  const listed: Array<{ route: string; kind: SmokeRoute['kind'] }> = [];
  for (const [entry, route] of Object.entries(appPaths)) {
    if (INTERNAL.test(route)) continue;
    if (entry.endsWith('/page')) listed.push({ route, kind: 'page' });
    else if (entry.endsWith('/route')) listed.push({ route, kind: 'handler' });
  }
  for (const route of Object.keys(pagesManifest)) {
    if (INTERNAL.test(route)) continue;
    listed.push({ route, kind: /^\/api(\/|$)/.test(route) ? 'handler' : 'page' });
  }
  const byRoute = new Map(listed.map((l) => [l.route, l]));
  const prerendered = Object.entries(prerender?.routes ?? {});
  const out: SmokeRoute[] = [];
  const seen = new Set<string>();
  const add = (r: SmokeRoute) => {
    if (seen.has(r.path)) return;
    seen.add(r.path);
    out.push(r);
  };
  const optionPaths = optionRoutes.map((p) => (p.startsWith('/') ? p : `/${p}`));
  const notRequested: SmokeRoutePlan['notRequested'] = [];
  for (const { route, kind } of [...byRoute.values()].sort((a, b) => a.route.localeCompare(b.route))) {
    const fromOption = optionPaths.filter((p) => matchesRoute(route, p));
    if (kind === 'handler') {
      if (fromOption.length === 0)
        notRequested.push({ route, reason: 'a route handler: requested (GET) only when the routes option lists it' });
      continue;
    }
    if (!isDynamic(route)) {
      add({ path: route, route, kind, from: 'static' });
      continue;
    }
    const paths = prerendered.filter(([, v]) => v.srcRoute === route).map(([p]) => p);
    for (const path of paths) add({ path, route, kind, from: 'prerendered' });
    if (paths.length === 0 && fromOption.length === 0)
      notRequested.push({ route, reason: 'a dynamic route with no prerendered path: list one in the routes option (e.g. "/shop/1")' });
  }
  for (const path of optionPaths) {
    const owner = [...byRoute.values()].find((l) => matchesRoute(l.route, path));
    add({ path, route: owner?.route ?? path, kind: owner?.kind ?? 'page', from: 'option' });
  }
  return { routes: out, notRequested };
}

/** Does a URL path fall under a route pattern (`/shop/[id]`, `/docs/[...slug]`, `/[[...all]]`)? */
export function matchesRoute(route: string, path: string): boolean {
  const pattern = route
    .split('/')
    .map((seg) => {
      if (/^\[\[\.\.\.[^\]]+\]\]$/.test(seg)) return '(?:/.*)?';
      if (/^\[\.\.\.[^\]]+\]$/.test(seg)) return '/.+';
      if (/^\[[^\]]+\]$/.test(seg)) return '/[^/]+';
      return seg === '' ? '' : `/${seg.replace(/[.*+?^${}()|\\]/g, '\\$&')}`;
    })
    .join('');
  return new RegExp(`^${pattern === '' ? '/' : pattern}/?$`).test(path) || (route === '/' && path === '/');
}
