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
    ASSET_PATH_URL: z.string().min(1),
    DATABASE_URL: z.string().url(),
    INTERNAL_TOKEN: z.string().optional(),
    RESEND_API_KEY: z.string().min(1),
    WORKERS: z.string().min(1),
  }),
  client: {

  },
  runtimeEnv: {
    ASSET_PATH_URL: process.env.ASSET_PATH_URL,
    DATABASE_URL: process.env.DATABASE_URL,
    INTERNAL_TOKEN: process.env.INTERNAL_TOKEN,
    RESEND_API_KEY: process.env.RESEND_API_KEY,
    WORKERS: process.env.WORKERS,
  },
  emptyStringAsUndefined: true,
  // SKIP_ENV_VALIDATION=1 lets a build or lint run without the production values.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});

/* .env.production
# --- added by @plinto/ready env ---
# Server: read at run time on the server only.
# read at apps/web/lib/db.ts:5
# no default in the code: set it for production
ASSET_PATH_URL=
# read at apps/web/lib/db.ts:4
# secret: set it in the deployment environment, never in a committed file
DATABASE_URL=
# read at apps/web/lib/db.ts:8
# secret: set it in the deployment environment, never in a committed file
# optional: no documented value (.env.example, .env): give it one there, or here, to require it
# INTERNAL_TOKEN=
# read at apps/web/lib/db.ts:6
# secret: set it in the deployment environment, never in a committed file
RESEND_API_KEY=
# read at apps/web/lib/db.ts:7
# no default in the code: set it for production
WORKERS=
*/
/* safety net
ASSET_PATH_URL: apps/web/.env.example:2 documents a value the url schema rejects (Invalid url): typed as a string
INTERNAL_TOKEN: required by the code, but the documented environment (apps/web/.env.example) does not give it: made optional, so an app deployed as documented starts; declare it (a placeholder in .env.example is enough) and rerun to require it
WORKERS: apps/web/.env.example:4 documents a value the number schema rejects (Expected number, received nan): typed as a string
*/
