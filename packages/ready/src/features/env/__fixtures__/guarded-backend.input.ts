// fixture: {"file": "apps/web/lib/clickhouse.ts"}
// An optional backend: its URL is read only where its switch turns it on.
const clickhouseEnabled = process.env.CLICKHOUSE_ENABLED === 'true';
export const clickhouse = clickhouseEnabled ? new URL(process.env.CLICKHOUSE_URL as string) : null;
export function client() {
  if (clickhouseEnabled) return new URL(process.env.CLICKHOUSE_USER_URL as string);
  return null;
}
