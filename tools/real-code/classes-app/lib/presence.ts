// Presence tests: the code asks whether each is set and goes on without it.
export function analyticsId(): string | null {
  if (!process.env.ANALYTICS_ID) return null;
  return process.env.ANALYTICS_ID;
}

export const sentry = process.env.SENTRY_DSN ? { dsn: process.env.SENTRY_DSN, tracesSampleRate: 0.1 } : undefined;

export const slackHook =
  process.env.SLACK_WEBHOOK_URL && process.env.SLACK_WEBHOOK_URL.startsWith('https://') ? process.env.SLACK_WEBHOOK_URL : null;

export function logDrain(line: string): void {
  if (process.env.LOG_DRAIN_URL) {
    void fetch(process.env.LOG_DRAIN_URL, { method: 'POST', body: line });
  }
}
