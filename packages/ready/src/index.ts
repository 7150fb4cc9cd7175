export { createNodes, createNodesV2 } from './plugin/create-nodes';
export type { ReadyPluginOptions } from './plugin/options';
export type { Check, CheckContext, CheckResult, CheckStatus, CheckDetail, CheckMetric } from './checks/types';
export type { ReadyReport } from './executors/ready/lib/report';
