export interface SecurityAuditExecutorSchema {
  outputPath?: string;
}
