import { EnvVariable, isLocalAddress } from './classify';

export const MODULE_MARKER = '// @plinto/ready env module: generated from the variables the code reads.';

/**
 * The variable's schema: its type, its default, and `.optional()` where the app may start without
 * it. A local address the code falls back to is its development default, never production's: the
 * schema gives no default of its own (the code's fallback still applies where it is unset, as it
 * did; .env.production says to set it).
 */
export function zodFor(variable: EnvVariable): string {
  const v =
    variable.fallback !== null && isLocalAddress(variable.fallback)
      ? { ...variable, fallback: null, optional: variable.optional ?? ('alternative' as const) }
      : variable;
  const schema = baseSchema(v);
  return v.optional !== null && v.optional !== 'flag' && v.fallback === null ? `${schema}.optional()` : schema;
}

function baseSchema(v: EnvVariable): string {
  const lit = (s: string) => JSON.stringify(s);
  switch (v.type) {
    case 'number':
      return `z.coerce.number()${v.fallback !== null && !Number.isNaN(Number(v.fallback)) ? `.default(${Number(v.fallback)})` : ''}`;
    case 'boolean':
      // A switch the code compares to 'true' is off while unset: default "false", never required.
      return `z.enum(['true', 'false', '1', '0'])${v.fallback !== null ? `.default(${lit(['1', 'true'].includes(v.fallback) ? 'true' : 'false')})` : v.optional === 'flag' ? `.default("false")` : ''}.transform((value) => value === 'true' || value === '1')`;
    case 'url':
      return `z.string().url()${v.fallback !== null ? `.default(${lit(v.fallback)})` : ''}`;
    default:
      return `z.string()${v.fallback !== null ? `.default(${lit(v.fallback)})` : v.optional !== null ? '' : '.min(1)'}`;
  }
}

/**
 * `next build` prerenders with the build machine's environment, which seldom holds the
 * deployment's server values (an image built once, deployed with its settings): there a server
 * variable may be missing, and is checked when the server starts. Client variables are inlined at
 * build, so they are checked then. NEXT_PHASE is Next.js's own (set by next build for every worker).
 */
const BUILD_PHASE_HELPER = `
// Server values are the deployment's: \`next build\` may lack them, the server checks them at start.
function requiredAtStart<T extends Record<string, z.ZodTypeAny>>(shape: T): T {
  if (process.env.NEXT_PHASE !== 'phase-production-build') return shape;
  return Object.fromEntries(Object.entries(shape).map(([name, s]) => [name, s.isOptional() ? s : s.optional()])) as unknown as T;
}
`;

/** `NAME: schema,` for each variable of one side, one a line. */
function schemaLines(variables: EnvVariable[], side: 'client' | 'server', indent: string): string {
  return variables
    .filter((v) => v.side === side)
    .map((v) => `${indent}${v.name}: ${zodFor(v)},`)
    .join('\n');
}

/**
 * A typed env module on @t3-oss/env-nextjs and zod: server and client split, types from the code's
 * own use, defaults from its fallbacks. Reading a server variable on the client throws, and a
 * missing required variable fails at start instead of deep inside a request.
 */
export function renderEnvModule(variables: EnvVariable[], flavour: EnvModuleFlavour = 't3-env'): string {
  if (flavour === 'zod') return renderZodModule(variables);
  const entries = (side: 'client' | 'server') => schemaLines(variables, side, '    ');
  return `${MODULE_MARKER}
// Rerun "nx g @plinto/ready:env" to add what the code starts to read; edit the schemas freely.
import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';
${BUILD_PHASE_HELPER}
export const env = createEnv({
  server: requiredAtStart({
${entries('server')}
  }),
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

/**
 * Which module a project can compile: `t3-env` (@t3-oss/env-nextjs, whose types are declared only
 * under package.json "exports") where its moduleResolution reads exports (bundler, node16,
 * nodenext), else `zod` alone (its types resolve under node10 too).
 */
export type EnvModuleFlavour = 't3-env' | 'zod';

/**
 * The same schemas on zod alone, for projects on moduleResolution node10: validated once at start
 * (the client part in the browser, both on the server). Unlike t3-env it cannot stop a server
 * variable being read in client code: the comment says so.
 */
function renderZodModule(variables: EnvVariable[]): string {
  const entries = (side: 'client' | 'server') => schemaLines(variables, side, '  ');
  return `${MODULE_MARKER}
// Rerun "nx g @plinto/ready:env" to add what the code starts to read; edit the schemas freely.
// zod alone (@t3-oss/env-nextjs does not load here: node10 resolution, or jest's ESM): read server
// variables only in server code, nothing here stops a client component from reading one.
import { z } from 'zod';
${BUILD_PHASE_HELPER}
const server = z.object(
  requiredAtStart({
${schemaLines(variables, 'server', '    ')}
  }),
);

const client = z.object({
${entries('client')}
});

// Each read written out: Next inlines process.env.NEXT_PUBLIC_* into client code only where named.
const runtimeEnv: Record<string, string | undefined> = {
${variables.map((v) => `  ${v.name}: process.env.${v.name},`).join('\n')}
};
// An empty value counts as unset, as t3-env's emptyStringAsUndefined does.
for (const key of Object.keys(runtimeEnv)) if (runtimeEnv[key] === '') runtimeEnv[key] = undefined;

type Env = z.infer<typeof server> & z.infer<typeof client>;

// SKIP_ENV_VALIDATION=1 lets a build or lint run without the production values.
export const env: Env =
  process.env.SKIP_ENV_VALIDATION === '1'
    ? (runtimeEnv as unknown as Env)
    : typeof window === 'undefined'
      ? { ...server.parse(runtimeEnv), ...client.parse(runtimeEnv) }
      : (client.parse(runtimeEnv) as Env);
`;
}
