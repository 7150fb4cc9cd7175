export interface CoverageReportExecutorSchema {
  jestConfig?: string;
  testTarget?: string;
  outputPath?: string;
  coverageDirectory?: string;
}
