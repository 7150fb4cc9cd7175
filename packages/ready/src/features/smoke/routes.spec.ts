import { TempWorkspace } from '../../testing/temp-workspace';
import { headerProblems, percentile } from './measure';
import { matchesRoute, smokeRoutes } from './routes';

describe('the routes a smoke run requests, from the build manifests', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = new TempWorkspace()
      // What next build writes for an app router app with a page, a dynamic route with generateStaticParams,
      // a dynamic route without, a route handler and the not-found page.
      .write('.next/app-path-routes-manifest.json', {
        '/_not-found/page': '/_not-found',
        '/_global-error/page': '/_global-error',
        '/page': '/',
        '/(marketing)/about/page': '/about',
        '/shop/[id]/page': '/shop/[id]',
        '/blog/[...slug]/page': '/blog/[...slug]',
        '/api/health/route': '/api/health',
        '/favicon.ico/route': '/favicon.ico',
      })
      .write('.next/prerender-manifest.json', {
        routes: {
          '/': { srcRoute: '/' },
          '/about': { srcRoute: '/about' },
          '/shop/1': { srcRoute: '/shop/[id]' },
          '/shop/2': { srcRoute: '/shop/[id]' },
        },
        dynamicRoutes: { '/shop/[id]': {} },
      })
      // and the pages router beside it
      .write('.next/server/pages-manifest.json', {
        '/_app': 'pages/_app.js',
        '/_error': 'pages/_error.js',
        '/_document': 'pages/_document.js',
        '/404': 'pages/404.html',
        '/legacy': 'pages/legacy.js',
        '/api/hello': 'pages/api/hello.js',
      });
  });
  afterAll(() => ws.cleanup());

  it('requests static pages and prerendered paths; handlers and unknown params only from the routes option', () => {
    const plan = smokeRoutes(`${ws.root}/.next`);
    expect(plan.routes.map((r) => [r.path, r.route, r.from])).toEqual([
      ['/', '/', 'static'],
      ['/about', '/about', 'static'],
      ['/legacy', '/legacy', 'static'],
      ['/shop/1', '/shop/[id]', 'prerendered'],
      ['/shop/2', '/shop/[id]', 'prerendered'],
    ]);
    expect(plan.notRequested.map((n) => n.route)).toEqual(['/api/health', '/api/hello', '/blog/[...slug]', '/favicon.ico']);
    const withOption = smokeRoutes(`${ws.root}/.next`, ['/api/health', '/blog/2026/hello']);
    expect(withOption.routes.slice(-2).map((r) => [r.path, r.route, r.kind, r.from])).toEqual([
      ['/api/health', '/api/health', 'handler', 'option'],
      ['/blog/2026/hello', '/blog/[...slug]', 'page', 'option'],
    ]);
    expect(withOption.notRequested.map((n) => n.route)).toEqual(['/api/hello', '/favicon.ico']);
  });

  it('matches paths to route patterns', () => {
    expect(matchesRoute('/shop/[id]', '/shop/42')).toBe(true);
    expect(matchesRoute('/shop/[id]', '/shop/42/x')).toBe(false);
    expect(matchesRoute('/docs/[...slug]', '/docs/a/b')).toBe(true);
    expect(matchesRoute('/docs/[...slug]', '/docs')).toBe(false);
    expect(matchesRoute('/[[...all]]', '/')).toBe(true);
    expect(matchesRoute('/about', '/about')).toBe(true);
  });
});

describe('smoke judgements', () => {
  it('names each missing header of the secure set, takes either CSP form, and refuses X-Powered-By', () => {
    const secure = {
      'strict-transport-security': 'max-age=63072000',
      'content-security-policy-report-only': "default-src 'self'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
      'permissions-policy': 'camera=()',
    };
    expect(headerProblems(secure, ['Strict-Transport-Security', 'Content-Security-Policy', 'X-Frame-Options'])).toEqual([]);
    expect(headerProblems({ 'x-powered-by': 'Next.js' }, ['Strict-Transport-Security', 'Content-Security-Policy'])).toEqual([
      'Strict-Transport-Security missing',
      'Content-Security-Policy missing',
      'X-Powered-By sent (set poweredByHeader: false)',
    ]);
  });

  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99), percentile([], 95)]).toEqual([50, 95, 99, 0]);
  });
});
