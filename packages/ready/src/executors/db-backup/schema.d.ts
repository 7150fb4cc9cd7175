export interface DbBackupExecutorSchema {
  engine?: 'postgres';
  databaseUrlEnv?: string;
  bucket: string;
  prefix: string;
  endpoint?: string;
  region?: string;
  retentionDays?: number;
  keepMin?: number;
}
