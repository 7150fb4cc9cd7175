import { Thresholds } from './lib/types';

export interface CoverageGateExecutorSchema {
  /** Workspace-relative path of the project's jest config; `{projectRoot}` is replaced. */
  jestConfig?: string;
  /** The project's test target, whose environment jest runs with. */
  testTarget?: string;
  outputPath?: string;
  coverageDirectory?: string;
  thresholds?: Thresholds;
  perFile?: Thresholds;
  tolerance?: number;
  updateBaseline?: boolean;
  /** Git ref for the changed-lines rule; defaults to NX_BASE (set by nx affected). */
  base?: string;
  changedLines?: number;
}
