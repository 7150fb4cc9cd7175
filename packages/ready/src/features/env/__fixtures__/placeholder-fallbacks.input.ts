// fixture: {"file": "apps/web/lib/keys.ts"}
// The live key where the deployment sets one, else the test key: a placeholder "" would stop the fallback.
export const publishableKey = process.env.NEXT_PUBLIC_KEY_LIVE ?? process.env.NEXT_PUBLIC_KEY ?? '';
export const origin = process.env.APP_ORIGIN || process.env.VERCEL_URL;
