import { SmokeOptions } from '../../features/smoke/run-smoke';

export type SmokeExecutorSchema = SmokeOptions;
