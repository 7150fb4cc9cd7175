export { createNodes, createNodesV2 } from './plugin/create-nodes';
export { postTasksExecution } from './plugin/post-tasks';
export type { ReadyPluginOptions } from './plugin/options';
export type { Check, CheckContext, CheckResult, CheckStatus, CheckDetail, CheckMetric } from './checks/types';
export type { ReadyReport } from './executors/ready/lib/report';
export type { WorkspaceSummary } from './reports/summary';
