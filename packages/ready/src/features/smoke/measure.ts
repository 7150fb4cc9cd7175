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
 * Load on one path with autocannon: `connections` at once, `amount` requests in all (or for
 * `durationSeconds`). Latency percentiles from every response's own time (autocannon's histogram
 * has no p95); 5xx answers, errors and timeouts are the errors.
 */
export async function loadRoute(
  url: string,
  path: string,
  options: { connections: number; amount?: number; durationSeconds?: number },
): Promise<LoadResult> {
  // Loaded when a smoke run measures: only this target pays for the load library.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const autocannon = require('autocannon') as typeof import('autocannon');
  const times: number[] = [];
  let serverErrors = 0;
  // The rate from the responses' own clock: autocannon ends a run on its next one-second tick, so
  // its duration is a whole second or more however fast the requests were answered.
  const started = process.hrtime.bigint();
  let lastResponse = started;
  const result = await new Promise<import('autocannon').Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${path}`,
        connections: options.connections,
        ...(options.durationSeconds ? { duration: options.durationSeconds } : { amount: options.amount ?? 50 }),
        timeout: 10,
        headers: { 'user-agent': '@plinto/ready smoke' },
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      lastResponse = process.hrtime.bigint();
      if (statusCode >= 500) serverErrors++;
    });
  });
  const sorted = [...times].sort((a, b) => a - b);
  const seconds = Math.max(Number(lastResponse - started) / 1e9, 0.001);
  return {
    requests: times.length,
    requestsPerSecond: Math.round((times.length / seconds) * 10) / 10,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    non2xx: result.non2xx,
    errors: serverErrors + result.errors + result.timeouts,
  };
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
