import { defineCheck, CheckDetail, skip } from '../../core/contracts/check';
import { targetNames } from '../../core/contracts/defaults';
import { runTsc } from './run-tsc';
import { targetPasses } from '../../core/contracts/target-check';

/**
 * The project type-checks: Nx's own typecheck target where the project has one, else the
 * workspace's tsc over each of the project's tsconfigs that compile files (--noEmit).
 */
export const typecheckCheck = defineCheck({ id: 'typecheck', title: 'Type-checks', defaultWeight: 15 }, async (context) => {
  const viaTarget = await targetPasses(context, targetNames(context.options?.targetNames).typecheck, 'typecheck');
  if (viaTarget) return viaTarget;
  const run = runTsc(context.workspaceRoot, context.projectRoot);
  if ('skipped' in run) return skip(run.skipped, run.fix);
  const details: CheckDetail[] = [];
  let errors = 0;
  for (const { config, errors: lines } of run.configs) {
    errors += lines.length;
    if (lines.length === 0) continue;
    details.push(
      { file: config, message: `${lines.length} error(s)` },
      ...lines.slice(0, 10).map((message) => ({ message: message.trim() })),
    );
  }
  const failing = run.configs.find((c) => c.errors.length > 0)?.config ?? null;
  return {
    status: errors === 0 ? 'pass' : 'fail',
    score: errors === 0 ? 100 : Math.max(0, 100 - 5 * errors),
    metric: { value: errors, unit: 'type errors', text: `${errors} type error(s)` },
    details,
    fix: failing ? `tsc --noEmit -p ${failing}` : null,
    ratchet: { 'type errors': { value: errors, better: 'lower' } },
  };
});
