import { EnvVariable } from './classify';

export const MODULE_MARKER = '// @plinto/ready env module: generated from the variables the code reads.';

/** The variable's schema: its type, its default, and `.optional()` where the app may start without it. */
function zodFor(v: EnvVariable): string {
  const schema = baseSchema(v);
  return v.optional !== null && v.fallback === null ? `${schema}.optional()` : schema;
}

function baseSchema(v: EnvVariable): string {
  const lit = (s: string) => JSON.stringify(s);
  switch (v.type) {
    case 'number':
      return `z.coerce.number()${v.fallback !== null && !Number.isNaN(Number(v.fallback)) ? `.default(${Number(v.fallback)})` : ''}`;
    case 'boolean':
      return `z.enum(['true', 'false', '1', '0'])${v.fallback !== null ? `.default(${lit(['1', 'true'].includes(v.fallback) ? 'true' : 'false')})` : ''}.transform((value) => value === 'true' || value === '1')`;
    case 'url':
      return `z.string().url()${v.fallback !== null ? `.default(${lit(v.fallback)})` : ''}`;
    default:
      return `z.string()${v.fallback !== null ? `.default(${lit(v.fallback)})` : v.optional !== null ? '' : '.min(1)'}`;
  }
}

/**
 * A typed env module on @t3-oss/env-nextjs and zod: server and client split, types from the code's
 * own use, defaults from its fallbacks. Reading a server variable on the client throws, and a
 * missing required variable fails at start instead of deep inside a request.
 */
export function renderEnvModule(variables: EnvVariable[]): string {
  const entries = (side: 'client' | 'server') =>
    variables
      .filter((v) => v.side === side)
      .map((v) => `    ${v.name}: ${zodFor(v)},`)
      .join('\n');
  return `${MODULE_MARKER}
// Rerun "nx g @plinto/ready:env" to add what the code starts to read; edit the schemas freely.
import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

export const env = createEnv({
  server: {
${entries('server')}
  },
  client: {
${entries('client')}
  },
  runtimeEnv: {
${variables.map((v) => `    ${v.name}: process.env.${v.name},`).join('\n')}
  },
  emptyStringAsUndefined: true,
  // SKIP_ENV_VALIDATION=1 lets a build or lint run without the production values.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});
`;
}
