// Switches: unset means off.
export const signupsEnabled = process.env.ENABLE_SIGNUPS === 'true';
export const betaEnabled = process.env.FEATURE_BETA === 'true';
