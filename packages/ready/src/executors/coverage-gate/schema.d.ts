import { Thresholds } from '../../features/coverage/types';

export interface CoverageGateExecutorSchema {
  outputPath?: string;
  thresholds?: Thresholds;
  perFile?: Thresholds;
  tolerance?: number;
  updateBaseline?: boolean;
  /** Git ref for the changed-lines rule; defaults to NX_BASE (set by nx affected). */
  base?: string;
  changedLines?: number;
}
