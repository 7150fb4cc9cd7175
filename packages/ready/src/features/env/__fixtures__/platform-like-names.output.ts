// @plinto/ready env module: generated from the variables the code reads.
// Rerun "nx g @plinto/ready:env" to add what the code starts to read; edit the schemas freely.
import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

// Server values are the deployment's: `next build` may lack them, the server checks them at start.
function requiredAtStart<T extends Record<string, z.ZodTypeAny>>(shape: T): T {
  if (process.env.NEXT_PHASE !== 'phase-production-build') return shape;
  return Object.fromEntries(Object.entries(shape).map(([name, s]) => [name, s.isOptional() ? s : s.optional()])) as unknown as T;
}

export const env = createEnv({
  server: requiredAtStart({
    GITHUB_CLIENT_ID: z.string().min(1),
    GITHUB_CLIENT_SECRET: z.string().min(1),
    GITHUB_SHA: z.string().optional(),
    VERCEL_GIT_COMMIT_SHA: z.string().optional(),
    VERCEL_REGION: z.string().optional(),
  }),
  client: {

  },
  runtimeEnv: {
    GITHUB_CLIENT_ID: process.env.GITHUB_CLIENT_ID,
    GITHUB_CLIENT_SECRET: process.env.GITHUB_CLIENT_SECRET,
    GITHUB_SHA: process.env.GITHUB_SHA,
    VERCEL_GIT_COMMIT_SHA: process.env.VERCEL_GIT_COMMIT_SHA,
    VERCEL_REGION: process.env.VERCEL_REGION,
  },
  emptyStringAsUndefined: true,
  // SKIP_ENV_VALIDATION=1 lets a build or lint run without the production values.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});

/* .env.production
# --- added by @plinto/ready env ---
# Server: read at run time on the server only.
# read at apps/web/lib/auth.ts:3
# no default in the code: set it for production
GITHUB_CLIENT_ID=
# read at apps/web/lib/auth.ts:3
# secret: set it in the deployment environment, never in a committed file
GITHUB_CLIENT_SECRET=
*/
/* safety net
(nothing changed)
*/
