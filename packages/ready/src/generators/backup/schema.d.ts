export interface BackupGeneratorSchema {
  project: string;
  engine?: 'postgres';
  databaseUrlEnv?: string;
  bucket: string;
  prefix?: string;
  endpoint?: string;
  region?: string;
  retentionDays?: number;
  keepMin?: number;
  backupCron?: string;
  verifyCron?: string;
  postgresVersion?: number;
  maxAgeDays?: number;
  alert?: string;
  provider?: 'github' | 'gitlab';
  skipFormat?: boolean;
  skipInstall?: boolean;
}
