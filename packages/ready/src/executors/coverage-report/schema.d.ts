import { CoverageReportOptions } from '../../features/coverage/report';

export type CoverageReportExecutorSchema = CoverageReportOptions;
