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
    ANALYTICS_ID: z.string().optional(),
    LOG_DRAIN_URL: z.string().url().optional(),
    MAPS_TOKEN: z.string().optional(),
    SENTRY_DSN: z.string().optional(),
    SESSION_SECRET: z.string().min(1),
    SLACK_WEBHOOK_URL: z.string().url().optional(),
  }),
  client: {

  },
  runtimeEnv: {
    ANALYTICS_ID: process.env.ANALYTICS_ID,
    LOG_DRAIN_URL: process.env.LOG_DRAIN_URL,
    MAPS_TOKEN: process.env.MAPS_TOKEN,
    SENTRY_DSN: process.env.SENTRY_DSN,
    SESSION_SECRET: process.env.SESSION_SECRET,
    SLACK_WEBHOOK_URL: process.env.SLACK_WEBHOOK_URL,
  },
  emptyStringAsUndefined: true,
  // SKIP_ENV_VALIDATION=1 lets a build or lint run without the production values.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});

/* .env.production
# --- added by @plinto/ready env ---
# Server: read at run time on the server only.
# read at apps/web/lib/presence.ts:4, apps/web/lib/presence.ts:5
# optional: the code only tests whether it is set
# ANALYTICS_ID=
# read at apps/web/lib/presence.ts:11, apps/web/lib/presence.ts:11
# optional: the code only tests whether it is set
# LOG_DRAIN_URL=
# read at apps/web/lib/presence.ts:8
# secret: set it in the deployment environment, never in a committed file
# MAPS_TOKEN=
# read at apps/web/lib/presence.ts:7, apps/web/lib/presence.ts:7
# secret: set it in the deployment environment, never in a committed file
# SENTRY_DSN=
# read at apps/web/lib/presence.ts:14
# secret: set it in the deployment environment, never in a committed file
SESSION_SECRET=
# read at apps/web/lib/presence.ts:9, apps/web/lib/presence.ts:9
# optional: the code only tests whether it is set
# SLACK_WEBHOOK_URL=
*/
/* safety net
(nothing changed)
*/
