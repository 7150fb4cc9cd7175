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
   * it, only tooling reads it, or the code only tests whether it is set (or compares it to a value);
   * or the env safety net found that the app's documented environment does not give it
   * (`undocumented`): required, it would stop an app deployed as documented.
   */
  optional: 'platform' | 'tooling' | 'presence' | 'next-config' | 'alternative' | 'guarded' | 'flag' | 'undocumented' | null;
  /**
   * The code has a way on without it (a literal fallback, another value beside it, a test for its
   * absence): a placeholder in .env.production would change what the code does where the platform
   * does not set it (`X=` is "", and `X ?? 'default'` then yields ""), so it is never written as one.
   */
  fallsBack: boolean;
}

/**
 * Set by the hosting platform, the CI or the runtime itself: never the app's to declare or require.
 * By name, as each platform documents what it sets, never by prefix alone: GITHUB_CLIENT_ID is an
 * OAuth app's setting, not GitHub Actions', and VERCEL_API_TOKEN is the app's own token.
 */
const PLATFORM_NAMES = new Set(
  [
    // GitHub Actions' default variables
    'GITHUB_ACTIONS GITHUB_ACTION GITHUB_ACTION_PATH GITHUB_ACTION_REPOSITORY GITHUB_ACTOR GITHUB_ACTOR_ID GITHUB_API_URL',
    'GITHUB_BASE_REF GITHUB_ENV GITHUB_EVENT_NAME GITHUB_EVENT_PATH GITHUB_GRAPHQL_URL GITHUB_HEAD_REF GITHUB_JOB GITHUB_OUTPUT',
    'GITHUB_PATH GITHUB_REF GITHUB_REF_NAME GITHUB_REF_PROTECTED GITHUB_REF_TYPE GITHUB_REPOSITORY GITHUB_REPOSITORY_ID',
    'GITHUB_REPOSITORY_OWNER GITHUB_REPOSITORY_OWNER_ID GITHUB_RETENTION_DAYS GITHUB_RUN_ATTEMPT GITHUB_RUN_ID GITHUB_RUN_NUMBER',
    'GITHUB_SERVER_URL GITHUB_SHA GITHUB_STATE GITHUB_STEP_SUMMARY GITHUB_TRIGGERING_ACTOR GITHUB_WORKFLOW GITHUB_WORKFLOW_REF',
    'GITHUB_WORKFLOW_SHA GITHUB_WORKSPACE RUNNER_OS RUNNER_ARCH RUNNER_NAME RUNNER_TEMP RUNNER_TOOL_CACHE RUNNER_DEBUG',
    // Vercel's system variables (and their NEXT_PUBLIC_ twins, below)
    'VERCEL VERCEL_ENV VERCEL_TARGET_ENV VERCEL_URL VERCEL_BRANCH_URL VERCEL_PROJECT_PRODUCTION_URL VERCEL_REGION',
    'VERCEL_DEPLOYMENT_ID VERCEL_PROJECT_ID VERCEL_SKEW_PROTECTION_ENABLED VERCEL_AUTOMATION_BYPASS_SECRET VERCEL_OIDC_TOKEN',
    'VERCEL_GIT_PROVIDER VERCEL_GIT_REPO_SLUG VERCEL_GIT_REPO_OWNER VERCEL_GIT_REPO_ID VERCEL_GIT_COMMIT_REF VERCEL_GIT_COMMIT_SHA',
    'VERCEL_GIT_COMMIT_MESSAGE VERCEL_GIT_COMMIT_AUTHOR_LOGIN VERCEL_GIT_COMMIT_AUTHOR_NAME VERCEL_GIT_PREVIOUS_SHA',
    'VERCEL_GIT_PULL_REQUEST_ID',
    // Netlify's (not its generic names, URL, BRANCH, SITE_NAME…, which apps use for their own settings)
    'NETLIFY NETLIFY_DEV NETLIFY_LOCAL NETLIFY_IMAGES_CDN_DOMAIN CONTEXT DEPLOY_URL DEPLOY_PRIME_URL',
    // Render, Railway, Fly.io, Heroku's dyno metadata, Cloudflare Pages
    'RENDER RENDER_SERVICE_ID RENDER_SERVICE_NAME RENDER_SERVICE_TYPE RENDER_EXTERNAL_URL RENDER_EXTERNAL_HOSTNAME',
    'RENDER_GIT_COMMIT RENDER_GIT_BRANCH RENDER_GIT_REPO_SLUG RENDER_INSTANCE_ID RENDER_CPU_COUNT RENDER_DISCOVERY_SERVICE',
    'RAILWAY_ENVIRONMENT RAILWAY_ENVIRONMENT_NAME RAILWAY_ENVIRONMENT_ID RAILWAY_PUBLIC_DOMAIN RAILWAY_PRIVATE_DOMAIN',
    'RAILWAY_STATIC_URL RAILWAY_PROJECT_NAME RAILWAY_PROJECT_ID RAILWAY_SERVICE_NAME RAILWAY_SERVICE_ID RAILWAY_REPLICA_ID',
    'RAILWAY_DEPLOYMENT_ID RAILWAY_SNAPSHOT_ID RAILWAY_VOLUME_NAME RAILWAY_VOLUME_MOUNT_PATH RAILWAY_GIT_COMMIT_SHA',
    'RAILWAY_GIT_BRANCH RAILWAY_GIT_REPO_NAME RAILWAY_GIT_REPO_OWNER RAILWAY_GIT_AUTHOR RAILWAY_GIT_COMMIT_MESSAGE',
    'FLY_APP_NAME FLY_MACHINE_ID FLY_ALLOC_ID FLY_REGION FLY_PUBLIC_IP FLY_PRIVATE_IP FLY_IMAGE_REF FLY_MACHINE_VERSION',
    'FLY_PROCESS_GROUP FLY_VM_MEMORY_MB',
    'HEROKU_APP_ID HEROKU_APP_NAME HEROKU_DYNO_ID HEROKU_RELEASE_CREATED_AT HEROKU_RELEASE_VERSION HEROKU_SLUG_COMMIT',
    'HEROKU_SLUG_DESCRIPTION HEROKU_BRANCH HEROKU_PR_NUMBER',
    'CF_PAGES CF_PAGES_BRANCH CF_PAGES_COMMIT_SHA CF_PAGES_URL',
    // AWS Lambda's runtime
    'AWS_EXECUTION_ENV AWS_LAMBDA_FUNCTION_NAME AWS_LAMBDA_FUNCTION_VERSION AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
    'AWS_LAMBDA_LOG_GROUP_NAME AWS_LAMBDA_LOG_STREAM_NAME AWS_LAMBDA_RUNTIME_API AWS_LAMBDA_INITIALIZATION_TYPE',
    // CI in general, and the runtime, Next.js and Nx themselves
    'CI CONTINUOUS_INTEGRATION GITLAB_CI PORT HOSTNAME NEXT_RUNTIME NEXT_PHASE NEXT_DEPLOYMENT_ID JEST_WORKER_ID TZ',
  ]
    .join(' ')
    .split(' '),
);
/** Prefixes only a platform uses for what it sets: GitLab CI's CI_* (CI_COMMIT_SHA, CI_PROJECT_ID, …) and Nx's own NX_*. */
const PLATFORM_PREFIX = /^(CI_|NX_)[A-Z0-9_]+$/;

function isPlatformVariable(name: string): boolean {
  return PLATFORM_NAMES.has(name) || PLATFORM_NAMES.has(name.replace(/^NEXT_PUBLIC_/, '')) || PLATFORM_PREFIX.test(name);
}

/** Switches for tools, not settings of the app: validation skips, bundle analysis, debug output. */
const TOOLING_VARIABLE = /^(SKIP_ENV_VALIDATION|ANALYZE|BUNDLE_ANALYZE|DEBUG|NODE_OPTIONS|NEXT_TELEMETRY_DISABLED|NEXT_MANUAL_SIG_HANDLE)$/;

/** Files that are tooling, not the app: test and build configs, scripts. */
const TOOLING_FILE =
  /(^|\/)((jest|vitest|playwright|cypress|eslint|prettier|postcss|tailwind|babel|webpack|rollup|vite|tsup|drizzle|prisma)\.config\.[cm]?[jt]s$|scripts\/|tools\/|e2e\/)/;

/** Set by npm or the runtime for every process: the app never declares these. */
export function isRuntimeProvided(name: string): boolean {
  return /^npm_/.test(name) || name === 'NODE_ENV';
}

/** localhost, 127.0.0.1, 0.0.0.0, [::1], with or without a scheme and port: a development default. */
export function isLocalAddress(value: string): boolean {
  return /^([a-z]+:\/\/)?(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(:\d+)?(\/|$)/i.test(value);
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
  if (/(_URL|_URI)$/.test(name) && !isPlatformVariable(name)) return { type: 'url', values };
  return { type: 'string', values };
}

/**
 * Why the app may start without the variable, or null where it needs it. A test for its absence
 * anywhere (`if (!process.env.X) return`) makes it optional, unless the code only throws there.
 */
function optionalBecause(name: string, rs: EnvRead[]): EnvVariable['optional'] {
  if (isPlatformVariable(name)) return 'platform';
  if (rs.some((r) => r.form === 'next.config env')) return 'next-config';
  if (TOOLING_VARIABLE.test(name) || rs.every((r) => TOOLING_FILE.test(r.file))) return 'tooling';
  if (rs.some((r) => r.requiredByThrow)) return null;
  if (rs.every((r) => r.flag || r.presence)) return rs.some((r) => r.flag) ? 'flag' : 'presence';
  if (rs.some((r) => r.presence) || rs.every((r) => (r.values?.length ?? 0) > 0)) return 'presence';
  if (rs.every((r) => r.alternative || r.presence || r.flag || (r.values?.length ?? 0) > 0)) return 'alternative';
  if (rs.every((r) => r.guarded || r.alternative || r.flag || (r.values?.length ?? 0) > 0)) return 'guarded';
  return null;
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
        optional: optionalBecause(name, rs),
        fallsBack: rs.some((r) => r.fallback !== undefined || r.alternative || r.presence || r.guarded || r.flag),
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

/** A value an env file holds in place of a real one: empty, `<your key>`, `${FROM_SECRETS}`, `changeme`, `your-api-key-here`. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim().replace(/^['"]|['"]$/g, '');
  return v === '' || PLACEHOLDER.test(v) || /\$\{[^}]*\}/.test(v);
}

/**
 * A committed value that looks like a real secret to rotate: a known key format anywhere; a URL
 * with a password that is not a placeholder, on a host a deployment uses (not loopback, not an
 * example host); else a long random string, unless the variable is public by design. Placeholders,
 * interpolations (`${…}`), public URLs and JSON lists of them are not secrets.
 */
export function looksLikeRealSecret(value: string, name = ''): boolean {
  const v = value.trim().replace(/^['"]|['"]$/g, '');
  if (SECRET_KEY.test(v)) return true;
  if (isPlaceholderValue(v)) return false;
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
