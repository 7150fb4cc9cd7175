// fixture: {"file": "apps/web/lib/auth.ts"}
// An OAuth app's settings start like GitHub Actions' variables but are the app's own: required.
export const github = { id: process.env.GITHUB_CLIENT_ID as string, secret: process.env.GITHUB_CLIENT_SECRET as string };
// Set by the platform: never the app's to declare.
export const release = (process.env.GITHUB_SHA ?? process.env.VERCEL_GIT_COMMIT_SHA ?? 'dev').slice(0, 7);
export const region = process.env.VERCEL_REGION;
