import { api } from './api';
import { analyticsId, sentry, slackHook } from './presence';
import { clickhouse } from './guarded';
import { betaEnabled, signupsEnabled } from './flags';
import { companyName } from './company';
import { githubAuth, release } from './auth';
import { publishableKey } from './payments-key';
import { assets, database, internalToken } from './db';

export const site = {
  api,
  analytics: analyticsId() !== null,
  monitoring: sentry !== undefined,
  slack: slackHook !== null,
  clickhouse: clickhouse !== null,
  signups: signupsEnabled,
  beta: betaEnabled,
  company: companyName,
  auth: githubAuth,
  release,
  key: publishableKey,
  assets,
  database,
  internal: internalToken !== undefined,
};
