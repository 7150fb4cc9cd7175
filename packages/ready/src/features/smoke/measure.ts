import { IncomingHttpHeaders, request } from 'node:http';
import { secureHeaders } from '../../codemods/next-config/headers';
import { SmokeRoute } from './routes';

export interface ProbeResult {
  status: number | null;
  bytes: number;
  /** Time to the response's headers (first byte), ms. */
  ttfbMs: number | null;
  headers: IncomingHttpHeaders;
  error: string | null;
}

/** One GET of a path, redirects not followed (a redirecting page answers 3xx, as it should). */
export function probe(url: string, path: string, timeoutMs = 15_000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = request(`${url}${path}`, { method: 'GET', timeout: timeoutMs, headers: { 'user-agent': '@plinto/ready smoke' } }, (res) => {
      const ttfbMs = Number(process.hrtime.bigint() - started) / 1e6;
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? null, bytes, ttfbMs, headers: res.headers, error: null }));
      res.on('error', (e) => resolve({ status: res.statusCode ?? null, bytes, ttfbMs, headers: res.headers, error: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', (e) => resolve({ status: null, bytes: 0, ttfbMs: null, headers: {}, error: e.message }));
    req.end();
  });
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Responses that were not 2xx (redirects and 404s of the app's own making among them). */
  non2xx: number;
  /** 5xx answers, connection errors and timeouts: what the error budget counts. */
  errors: number;
}

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Load on the paths with one autocannon run: `connections` at once, each cycling through the paths
 * in order, `amount` requests per path (or `durationSeconds` per path, in all). One run, because
 * autocannon ends a run on its one-second tick: one per path cost a second each, whatever the app.
 * Each response is put to its path by the request it answers; latency percentiles come from every
 * response's own time (autocannon's histogram has no p95). A path's errors are its 5xx answers and,
 * when autocannon saw errors or timeouts, its requests sent and never answered (a run that ends on
 * its clock leaves requests in flight, which are no error).
 */
export async function loadRoutes(
  url: string,
  paths: readonly string[],
  options: { connections: number; amount?: number; durationSeconds?: number },
): Promise<Map<string, LoadResult>> {
  if (paths.length === 0) return new Map();
  // Loaded when a smoke run measures: only this target pays for the load library.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const autocannon = require('autocannon') as typeof import('autocannon');
  const stats = new Map(paths.map((path) => [path, { sent: 0, times: [] as number[], non2xx: 0, serverErrors: 0 }]));
  let answered: string | null = null;
  const amount = (options.amount ?? 50) * paths.length;
  // The rate from the responses' own clock: autocannon's own duration is whole seconds.
  const started = process.hrtime.bigint();
  let lastResponse = started;
  const result = await new Promise<import('autocannon').Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.durationSeconds ? options.connections : Math.min(options.connections, amount),
        ...(options.durationSeconds ? { duration: options.durationSeconds * paths.length } : { amount }),
        timeout: 10,
        headers: { 'user-agent': '@plinto/ready smoke' },
        requests: paths.map((path) => ({
          method: 'GET' as const,
          path,
          // Called as each request is built to be sent (autocannon builds a request right before it writes it).
          setupRequest: (request: import('autocannon').Request) => {
            stats.get(path)!.sent++;
            return request;
          },
          // Called for the request a response answers, just before the run's own response event.
          onResponse: () => {
            answered = path;
          },
        })),
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      const s = answered === null ? undefined : stats.get(answered);
      if (!s) return;
      s.times.push(responseTime);
      lastResponse = process.hrtime.bigint();
      if (statusCode < 200 || statusCode >= 300) s.non2xx++;
      if (statusCode >= 500) s.serverErrors++;
    });
  });
  const seconds = Math.max(Number(lastResponse - started) / 1e9, 0.001);
  const sawErrors = result.errors + result.timeouts > 0;
  return new Map(
    [...stats].map(([path, s]) => {
      const sorted = [...s.times].sort((a, b) => a - b);
      const unanswered = sawErrors ? Math.max(0, s.sent - s.times.length) : 0;
      return [
        path,
        {
          requests: s.times.length + unanswered,
          requestsPerSecond: Math.round((s.times.length / seconds) * 10) / 10,
          p50Ms: round(percentile(sorted, 50)),
          p95Ms: round(percentile(sorted, 95)),
          p99Ms: round(percentile(sorted, 99)),
          non2xx: s.non2xx,
          errors: s.serverErrors + unanswered,
        },
      ];
    }),
  );
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * The headers every route must send: the secure set the headers generator writes (a CSP in either
 * form), or the names the target's `headers` option gives.
 */
export function requiredHeaders(option?: readonly string[]): string[] {
  return option ? [...option] : secureHeaders({ csp: 'report-only', hstsPreload: false }).map((h) => h.key);
}

/** The required headers a response lacks, and `X-Powered-By` when it is sent. */
export function headerProblems(headers: IncomingHttpHeaders, required: readonly string[]): string[] {
  const has = (name: string) => headers[name.toLowerCase()] !== undefined;
  const missing = required.filter((name) => {
    if (/^content-security-policy(-report-only)?$/i.test(name))
      return !has('content-security-policy') && !has('content-security-policy-report-only');
    return !has(name);
  });
  return [...missing.map((name) => `${name} missing`), ...(has('x-powered-by') ? ['X-Powered-By sent (set poweredByHeader: false)'] : [])];
}

export interface SmokeRouteResult extends SmokeRoute {
  status: number | null;
  bytes: number;
  ttfbMs: number | null;
  error: string | null;
  /** The server's lines while this route was requested, when it failed. */
  serverOutput: string[];
  load: LoadResult | null;
  headerProblems: string[];
}
