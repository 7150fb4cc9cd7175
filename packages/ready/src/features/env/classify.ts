import { EnvRead, EnvType } from '../../codemods/env/find-env';

export interface EnvVariable {
  name: string;
  /** NEXT_PUBLIC_*: inlined into the browser bundle at build time. */
  side: 'client' | 'server';
  secret: boolean;
  type: EnvType;
  values: string[];
  /** A literal fallback the code uses; never kept for a secret. */
  fallback: string | null;
  /** Where it is read, file:line, in order. */
  readAt: string[];
  /** The projects whose code reads it (the app, and the libraries it depends on). */
  projects: string[];
  /**
   * Why the app may start without it, or null when it is required: the hosting platform or CI sets
   * it, only tooling reads it, or the code only tests whether it is set (or compares it to a value).
   */
  optional: 'platform' | 'tooling' | 'presence' | 'next-config' | 'alternative' | null;
}

/** Set by the hosting platform, the CI or the runtime itself: never the app's to declare or require. */
const PLATFORM_VARIABLE =
  /^(VERCEL|VERCEL_[A-Z0-9_]+|NEXT_PUBLIC_VERCEL_[A-Z0-9_]+|NETLIFY|NETLIFY_[A-Z0-9_]+|CONTEXT|DEPLOY_URL|DEPLOY_PRIME_URL|CI|CI_[A-Z0-9_]+|GITHUB_[A-Z0-9_]+|GITLAB_CI|RENDER|RENDER_[A-Z0-9_]+|RAILWAY_[A-Z0-9_]+|FLY_[A-Z0-9_]+|HEROKU_[A-Z0-9_]+|CF_PAGES(_[A-Z0-9_]+)?|AWS_LAMBDA_[A-Z0-9_]+|AWS_EXECUTION_ENV|PORT|HOSTNAME|NEXT_RUNTIME|NEXT_PHASE|NEXT_DEPLOYMENT_ID|NX_[A-Z0-9_]+|JEST_WORKER_ID|TZ)$/;

/** Switches for tools, not settings of the app: validation skips, bundle analysis, debug output. */
const TOOLING_VARIABLE = /^(SKIP_ENV_VALIDATION|ANALYZE|BUNDLE_ANALYZE|DEBUG|NODE_OPTIONS|NEXT_TELEMETRY_DISABLED|NEXT_MANUAL_SIG_HANDLE)$/;

/** Files that are tooling, not the app: test and build configs, scripts. */
const TOOLING_FILE =
  /(^|\/)((jest|vitest|playwright|cypress|eslint|prettier|postcss|tailwind|babel|webpack|rollup|vite|tsup|drizzle|prisma)\.config\.[cm]?[jt]s$|scripts\/|tools\/|e2e\/)/;

/** Set by npm or the runtime for every process: the app never declares these. */
export function isRuntimeProvided(name: string): boolean {
  return /^npm_/.test(name) || name === 'NODE_ENV';
}

function isAbsoluteUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/\s]+/i.test(value);
}

const SECRET_WORDS = /(SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE_KEY|CREDENTIAL|DATABASE_URL|CONNECTION_STRING|DSN)/;
/** Keys meant for the browser: anon, publishable, search-only and site keys, client and measurement ids. */
const PUBLIC_BY_DESIGN = /(PUBLIC|PUBLISHABLE|ANON|SEARCH|SITE_KEY|CLIENT_ID|MEASUREMENT_ID|APP_ID)/;

/**
 * Secret-like by name: SECRET, TOKEN, PASSWORD, PRIVATE_KEY, …, or `_KEY` unless it is a key meant
 * for the browser (public, publishable, anon, site keys). PRIVATE alone (PRIVATE_MODE) is no secret.
 */
export function isSecretLike(name: string): boolean {
  const bare = name.replace(/^NEXT_PUBLIC_/, '');
  if (/(^|_)ANON_KEY$/.test(bare)) return false;
  if (SECRET_WORDS.test(bare)) return true;
  return /(^|_)KEY($|_)/.test(bare) && !PUBLIC_BY_DESIGN.test(bare);
}

function typeOf(name: string, reads: EnvRead[]): { type: EnvType; values: string[] } {
  const types = new Set(reads.map((r) => r.type).filter(Boolean));
  const values = [...new Set(reads.flatMap((r) => r.values ?? []))].sort();
  if (types.has('number')) return { type: 'number', values: [] };
  if (types.has('boolean')) return { type: 'boolean', values: [] };
  // Compared to a literal somewhere: the literals are what the code tests for, not every value the
  // variable may take ("preview" is one of VERCEL_ENV's three). A hint, never an enum.
  const fallback = reads.find((r) => r.fallback !== undefined)?.fallback;
  if (fallback !== undefined) return { type: isAbsoluteUrl(fallback) ? 'url' : 'string', values };
  // A URL-ish name without a fallback is a URL; with one, the fallback says (a host name, '').
  if (/(_URL|_URI)$/.test(name) && !PLATFORM_VARIABLE.test(name)) return { type: 'url', values };
  return { type: 'string', values };
}

/** Groups the reads by variable name and classifies each variable. */
export function classify(reads: Array<EnvRead & { project: string }>): EnvVariable[] {
  const byName = new Map<string, Array<EnvRead & { project: string }>>();
  for (const r of reads) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  return [...byName.entries()]
    .map(([name, rs]) => {
      const secret = isSecretLike(name);
      const { type, values } = typeOf(name, rs);
      const fallback = rs.find((r) => r.fallback !== undefined)?.fallback ?? null;
      return {
        name,
        side: name.startsWith('NEXT_PUBLIC_') ? ('client' as const) : ('server' as const),
        secret,
        type,
        values,
        fallback: secret ? null : fallback,
        readAt: rs.map((r) => `${r.file}:${r.line}`),
        projects: [...new Set(rs.map((r) => r.project))],
        optional: PLATFORM_VARIABLE.test(name)
          ? ('platform' as const)
          : rs.some((r) => r.form === 'next.config env')
            ? ('next-config' as const)
            : TOOLING_VARIABLE.test(name) || rs.every((r) => TOOLING_FILE.test(r.file))
              ? ('tooling' as const)
              : rs.every((r) => r.presence || (r.values?.length ?? 0) > 0)
                ? ('presence' as const)
                : rs.every((r) => r.alternative || r.presence || (r.values?.length ?? 0) > 0)
                  ? ('alternative' as const)
                  : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Key formats that are secrets wherever they appear (live payment keys, cloud and VCS tokens, private keys). */
const SECRET_KEY =
  /^(sk_live_|rk_live_|sk-[A-Za-z0-9]{20}|ghp_|gho_|github_pat_|xox[abpr]-|AKIA[0-9A-Z]{12}|AIza[0-9A-Za-z_-]{20}|-----BEGIN)/;
/** What example files put where a value goes: `<your key>`, `${FROM_SECRETS}`, `xxxx`, `changeme`, `your-api-key-here`. */
const PLACEHOLDER =
  /^(<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|x{3,}|\*{3,}|\.{3,}|change-?me|placeholder|todo|tbd|dummy|example|unused|secret|password|passwd|pass|none|null|undefined|your[-_ ].*|.*[-_ ]here)$/i;
/** Hosts no deployment talks to: loopback, and the names example files and RFC 2606 reserve. */
const LOCAL_OR_EXAMPLE_HOST =
  /^(localhost|127(\.\d+){3}|\[?::1\]?|0\.0\.0\.0|host|hostname|your[-_.].*|.*\.(localhost|example|test|invalid|local)|(.*\.)?example\.(com|org|net))$/i;

/**
 * A committed value that looks like a real secret to rotate: a known key format anywhere; a URL
 * with a password that is not a placeholder, on a host a deployment uses (not loopback, not an
 * example host); else a long random string, unless the variable is public by design. Placeholders,
 * interpolations (`${…}`), public URLs and JSON lists of them are not secrets.
 */
export function looksLikeRealSecret(value: string, name = ''): boolean {
  const v = value.trim().replace(/^['"]|['"]$/g, '');
  if (SECRET_KEY.test(v)) return true;
  if (v === '' || PLACEHOLDER.test(v) || /\$\{[^}]*\}/.test(v)) return false;
  if (/^[[{]/.test(v)) return jsonHoldsSecret(v);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return urlHoldsSecret(v);
  // A value the name says is public (NEXT_PUBLIC_ ships to every browser; publishable, search-only keys).
  if (name.startsWith('NEXT_PUBLIC_') || PUBLIC_BY_DESIGN.test(name) || v.length < 24 || /\s/.test(v)) return false;
  const counts = new Map<string, number>();
  for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / v.length) * Math.log2(n / v.length);
  return entropy > 4;
}

function urlHoldsSecret(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const password = decodeURIComponent(url.password);
  if (password && !PLACEHOLDER.test(password) && !LOCAL_OR_EXAMPLE_HOST.test(url.hostname)) return true;
  // A token in the query (…?api_key=sk_live_…) is a secret wherever the URL points.
  return [...url.searchParams.values()].some((v) => SECRET_KEY.test(v));
}

function jsonHoldsSecret(value: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return false;
  }
  const strings: string[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === 'string') strings.push(x);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(parsed);
  return strings.some((s) => SECRET_KEY.test(s) || (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && urlHoldsSecret(s)));
}
