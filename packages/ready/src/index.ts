// First: what the plugin loads next compiles from V8's code cache (Node ≥ 22).
import './utils/compile-cache';
// Second: one line, not a stack trace, when the @nx/devkit peer is missing.
import './utils/devkit-installed';
export { createNodes, createNodesV2 } from './plugin/create-nodes';
export { postTasksExecution } from './plugin/post-tasks';
export type { ReadyPluginOptions } from './core/nx/plugin-options';
export type { Check, CheckContext, CheckResult, CheckStatus, CheckDetail, CheckMetric } from './core/contracts/check';
export type { ReadyReport } from './core/contracts/report';
export type { WorkspaceSummary } from './features/summary/summary';
