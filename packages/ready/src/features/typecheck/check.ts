import { defineCheck, CheckDetail, skip } from '../../core/contracts/check';
import { targetNames } from '../../core/contracts/defaults';
import { runTsc } from './run-tsc';
import { splitUnbuiltImports, workspacePackages } from './unbuilt-imports';
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
  const packages = workspacePackages(context.projectGraph);
  const details: CheckDetail[] = [];
  const unbuilt = new Map<string, number>();
  let errors = 0;
  let failing: string | null = null;
  for (const { config, errors: all } of run.configs) {
    const split = splitUnbuiltImports(all, packages);
    for (const [pkg, n] of split.unbuilt) unbuilt.set(pkg, (unbuilt.get(pkg) ?? 0) + n);
    errors += split.own.length;
    if (split.own.length === 0) continue;
    failing ??= config;
    details.push(
      { file: config, message: `${split.own.length} error(s)` },
      ...split.own.slice(0, 10).map((message) => ({ message: message.trim() })),
    );
  }
  // Imports of workspace packages that are not built yet: the workspace's set-up, not this project's type errors.
  const setup =
    unbuilt.size > 0
      ? `${[...unbuilt.values()].reduce((a, b) => a + b, 0)} import(s) of workspace packages that are not built (${[...unbuilt.keys()].sort().join(', ')}) do not resolve: the type check ran before their build. Add "typecheck": { "dependsOn": ["^build"] } to targetDefaults in nx.json`
      : null;
  if (setup) details.unshift({ message: setup });
  return {
    status: errors > 0 ? 'fail' : setup ? 'warn' : 'pass',
    score: errors === 0 ? (setup ? 75 : 100) : Math.max(0, 100 - 5 * errors),
    metric: {
      value: errors,
      unit: 'type errors',
      text: `${errors} type error(s)` + (setup ? `; ${unbuilt.size} workspace package(s) not built` : ''),
    },
    details,
    fix: failing
      ? `tsc --noEmit -p ${failing}`
      : setup
        ? 'add "typecheck": { "dependsOn": ["^build"] } to targetDefaults in nx.json'
        : null,
    ratchet: { 'type errors': { value: errors, better: 'lower' } },
  };
});
