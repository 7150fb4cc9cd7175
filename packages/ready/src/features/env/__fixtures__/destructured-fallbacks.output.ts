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
    COMPANY_NAME: z.string().optional(),
    SITE_NAME: z.string().optional(),
    SUPPORT_EMAIL: z.string().default("help@example.com"),
  }),
  client: {

  },
  runtimeEnv: {
    COMPANY_NAME: process.env.COMPANY_NAME,
    SITE_NAME: process.env.SITE_NAME,
    SUPPORT_EMAIL: process.env.SUPPORT_EMAIL,
  },
  emptyStringAsUndefined: true,
  // SKIP_ENV_VALIDATION=1 lets a build or lint run without the production values.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});

/* .env.production
# --- added by @plinto/ready env ---
# Server: read at run time on the server only.
# read at apps/web/lib/company.ts:3
# optional: where it is unset, the code goes on with what it reads beside it (||, ??)
# COMPANY_NAME=
# read at apps/web/lib/company.ts:3
# optional: where it is unset, the code goes on with what it reads beside it (||, ??)
# SITE_NAME=
# read at apps/web/lib/company.ts:3
SUPPORT_EMAIL=help@example.com
*/
/* safety net
(nothing changed)
*/
