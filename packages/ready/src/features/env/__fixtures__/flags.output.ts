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
    ENABLE_SIGNUPS: z.enum(['true', 'false', '1', '0']).default("false").transform((value) => value === 'true' || value === '1'),
    FEATURE_BETA: z.enum(['true', 'false', '1', '0']).default("false").transform((value) => value === 'true' || value === '1'),
    MAINTENANCE_MODE: z.enum(['true', 'false', '1', '0']).default("false").transform((value) => value === 'true' || value === '1'),
  }),
  client: {

  },
  runtimeEnv: {
    ENABLE_SIGNUPS: process.env.ENABLE_SIGNUPS,
    FEATURE_BETA: process.env.FEATURE_BETA,
    MAINTENANCE_MODE: process.env.MAINTENANCE_MODE,
  },
  emptyStringAsUndefined: true,
  // SKIP_ENV_VALIDATION=1 lets a build or lint run without the production values.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});

/* .env.production
# --- added by @plinto/ready env ---
# Server: read at run time on the server only.
# read at apps/web/lib/flags.ts:3
# optional: a switch, off while unset (the code compares it to 'true')
# ENABLE_SIGNUPS=
# read at apps/web/lib/flags.ts:4, apps/web/lib/flags.ts:4
# optional: a switch, off while unset (the code compares it to 'true')
# FEATURE_BETA=
# read at apps/web/lib/flags.ts:5
# optional: a switch, off while unset (the code compares it to 'true')
# MAINTENANCE_MODE=
*/
/* safety net
(nothing changed)
*/
