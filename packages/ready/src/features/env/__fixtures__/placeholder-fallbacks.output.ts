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
    APP_ORIGIN: z.string().optional(),
    VERCEL_URL: z.string().optional(),
  }),
  client: {
    NEXT_PUBLIC_KEY: z.string().optional(),
    NEXT_PUBLIC_KEY_LIVE: z.string().optional(),
  },
  runtimeEnv: {
    APP_ORIGIN: process.env.APP_ORIGIN,
    NEXT_PUBLIC_KEY: process.env.NEXT_PUBLIC_KEY,
    NEXT_PUBLIC_KEY_LIVE: process.env.NEXT_PUBLIC_KEY_LIVE,
    VERCEL_URL: process.env.VERCEL_URL,
  },
  emptyStringAsUndefined: true,
  // SKIP_ENV_VALIDATION=1 lets a build or lint run without the production values.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});

/* .env.production
# --- added by @plinto/ready env ---
# Client: NEXT_PUBLIC_* values are inlined into the browser bundle at build time; never put a secret here.
# read at apps/web/lib/keys.ts:3
# secret: set it in the deployment environment, never in a committed file
# NEXT_PUBLIC_KEY=
# read at apps/web/lib/keys.ts:3
# secret: set it in the deployment environment, never in a committed file
# NEXT_PUBLIC_KEY_LIVE=

# Server: read at run time on the server only.
# read at apps/web/lib/keys.ts:4
# optional: where it is unset, the code goes on with what it reads beside it (||, ??)
# APP_ORIGIN=
*/
/* safety net
(nothing changed)
*/
