// fixture: {"file": "apps/web/lib/api.ts"}
// Development defaults: never a production value, never a schema default.
export const api = process.env.NEXT_PUBLIC_API_URL || 'http://localhost:8000';
export const redis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const pageSize = Number(process.env.PAGE_SIZE ?? 20);
