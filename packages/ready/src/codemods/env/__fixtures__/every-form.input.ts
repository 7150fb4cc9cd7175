// fixture: {"file": "apps/web/app/config.ts"}
export const api = process.env.NEXT_PUBLIC_API_URL ?? 'http://localhost:3000';
export const size = Number(process.env.PAGE_SIZE || 20);
export const region = process.env['AWS_REGION'];
const { STRIPE_SECRET_KEY, FEATURE_BETA = 'false', LOG_LEVEL: level = 'info' } = process.env;
export const beta = FEATURE_BETA === 'true';
export const debug = process.env.DEBUG === '1';
export const mode = process.env.APP_MODE === 'preview' ? 'p' : 'x';
export const vite = import.meta.env.VITE_FLAG;
export const key = process.env[`SENTRY_DSN`];
export function lookup(name: string) {
  return process.env[name];
}
const { ...all } = process.env;
process.env.WRITTEN = 'x';
export { STRIPE_SECRET_KEY, level, all };
