import type { EnvVariable } from '../features/env/classify';

/** An env variable as the scan classifies it, with the fields a spec cares about set. */
export function envVariable(name: string, extra: Partial<EnvVariable> = {}): EnvVariable {
  return {
    name,
    side: name.startsWith('NEXT_PUBLIC_') ? 'client' : 'server',
    secret: false,
    type: 'string',
    values: [],
    fallback: null,
    readAt: ['apps/web/app/config.ts:1'],
    projects: ['web'],
    optional: null,
    fallsBack: false,
    ...extra,
  };
}
