// fixture: {"file": "apps/web/lib/flags.ts"}
// Switches compared to 'true': unset means off, a boolean that defaults to false.
export const signups = process.env.ENABLE_SIGNUPS === 'true';
export const beta = process.env.FEATURE_BETA === 'true' || process.env.FEATURE_BETA === '1';
export const maintenance = process.env.MAINTENANCE_MODE !== 'true' ? 'open' : 'closed';
