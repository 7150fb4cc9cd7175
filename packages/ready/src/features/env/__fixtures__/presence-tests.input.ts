// fixture: {"file": "apps/web/lib/presence.ts"}
// Presence tests in every form: each variable is optional, and never given an empty placeholder.
export function analyticsId(): string | null {
  if (!process.env.ANALYTICS_ID) return null;
  return process.env.ANALYTICS_ID;
}
export const sentry = process.env.SENTRY_DSN ? { dsn: process.env.SENTRY_DSN } : undefined;
export const hasMaps = !!process.env.MAPS_TOKEN;
export const slack = process.env.SLACK_WEBHOOK_URL && new URL(process.env.SLACK_WEBHOOK_URL);
export function drain(line: string) {
  if (process.env.LOG_DRAIN_URL) void fetch(process.env.LOG_DRAIN_URL, { method: 'POST', body: line });
}
// Required: its absence only throws.
if (!process.env.SESSION_SECRET) throw new Error('SESSION_SECRET is required');
