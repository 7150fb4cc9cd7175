/** What `nx g @plinto/ready:backup` is told, and what its targets, workflow and runbook are made from. */
export interface BackupSettings {
  project: string;
  engine: 'postgres';
  databaseUrlEnv: string;
  bucket: string;
  prefix: string;
  endpoint?: string;
  region: string;
  retentionDays: number;
  keepMin: number;
  /** Cron (UTC) of the daily backup and of the weekly restore verification. */
  backupCron: string;
  verifyCron: string;
  /** PostgreSQL major version of the server: the CI job installs the client tools of this version. */
  postgresVersion: number;
  /** Who is alerted when a backup or a verification fails (in the runbook). */
  alert: string;
  /** How old the newest verified restore may be before the backup check fails. */
  maxAgeDays: number;
}

/** The storage options both targets carry. */
export function storageOptions(s: BackupSettings): Record<string, unknown> {
  return {
    databaseUrlEnv: s.databaseUrlEnv,
    bucket: s.bucket,
    prefix: s.prefix,
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    region: s.region,
  };
}
