export interface DbRestoreVerifyExecutorSchema {
  engine?: 'postgres';
  databaseUrlEnv?: string;
  restoreUrlEnv?: string;
  bucket: string;
  prefix: string;
  endpoint?: string;
  region?: string;
  backup?: string;
  maxAgeDays?: number;
  assertions?: Array<{ name: string; sql: string }>;
  outputPath?: string;
}
