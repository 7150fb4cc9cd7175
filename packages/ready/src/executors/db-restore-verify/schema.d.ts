export interface DbRestoreVerifyExecutorSchema {
  engine?: 'postgres';
  databaseUrlEnv?: string;
  bucket: string;
  prefix: string;
  endpoint?: string;
  region?: string;
  backup?: string;
  maxAgeDays?: number;
  assertions?: Array<{ name: string; sql: string }>;
  outputPath?: string;
}
