import { CoverageGateOptions } from '../../features/coverage/gate';

export type CoverageGateExecutorSchema = CoverageGateOptions;
