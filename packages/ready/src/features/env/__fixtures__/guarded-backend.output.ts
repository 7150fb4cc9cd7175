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
    CLICKHOUSE_ENABLED: z.enum(['true', 'false', '1', '0']).default("false").transform((value) => value === 'true' || value === '1'),
    CLICKHOUSE_URL: z.string().url().optional(),
    CLICKHOUSE_USER_URL: z.string().url().optional(),
  }),
  client: {

  },
  runtimeEnv: {
    CLICKHOUSE_ENABLED: process.env.CLICKHOUSE_ENABLED,
    CLICKHOUSE_URL: process.env.CLICKHOUSE_URL,
    CLICKHOUSE_USER_URL: process.env.CLICKHOUSE_USER_URL,
  },
  emptyStringAsUndefined: true,
  // SKIP_ENV_VALIDATION=1 lets a build or lint run without the production values.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});

/* .env.production
# --- added by @plinto/ready env ---
# Server: read at run time on the server only.
# read at apps/web/lib/clickhouse.ts:3
# optional: a switch, off while unset (the code compares it to 'true')
# CLICKHOUSE_ENABLED=
# read at apps/web/lib/clickhouse.ts:4
# optional: read only where a switch or another setting turns its part on
# CLICKHOUSE_URL=
# read at apps/web/lib/clickhouse.ts:6
# optional: read only where a switch or another setting turns its part on
# CLICKHOUSE_USER_URL=
*/
/* safety net
(nothing changed)
*/
