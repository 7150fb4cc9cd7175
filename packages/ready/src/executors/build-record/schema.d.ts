export interface BuildRecordExecutorSchema {
  buildTarget?: string;
  outputPath?: string;
}
