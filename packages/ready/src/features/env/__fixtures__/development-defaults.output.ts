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
    PAGE_SIZE: z.coerce.number().default(20),
    REDIS_URL: z.string().url().optional(),
  }),
  client: {
    NEXT_PUBLIC_API_URL: z.string().url().optional(),
  },
  runtimeEnv: {
    NEXT_PUBLIC_API_URL: process.env.NEXT_PUBLIC_API_URL,
    PAGE_SIZE: process.env.PAGE_SIZE,
    REDIS_URL: process.env.REDIS_URL,
  },
  emptyStringAsUndefined: true,
  // SKIP_ENV_VALIDATION=1 lets a build or lint run without the production values.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});

/* .env.production
# --- added by @plinto/ready env ---
# Client: NEXT_PUBLIC_* values are inlined into the browser bundle at build time; never put a secret here.
# read at apps/web/lib/api.ts:3
# the code falls back to http://localhost:8000 (a local address): set the production value
# NEXT_PUBLIC_API_URL=

# Server: read at run time on the server only.
# read at apps/web/lib/api.ts:5
PAGE_SIZE=20
# read at apps/web/lib/api.ts:4
# the code falls back to redis://127.0.0.1:6379 (a local address): set the production value
# REDIS_URL=
*/
/* safety net
(nothing changed)
*/
