import { defineCheck, CheckDetail, CheckOutcome, skip } from '../../core/contracts/check';
import { targetNames } from '../../core/contracts/defaults';
import { runTsc } from './run-tsc';
import { splitUnbuiltImports, workspacePackages } from './unbuilt-imports';
import { targetPasses } from '../../core/contracts/target-check';

/**
 * The project type-checks: Nx's own typecheck target where the project has one, else the
 * workspace's tsc over each of the project's tsconfigs that compile files (--noEmit).
 */
export const typecheckCheck = defineCheck({ id: 'typecheck', title: 'Type-checks', defaultWeight: 15 }, async (context) => {
  const packages = workspacePackages(context.projectGraph);
  let targetOutput = '';
  const viaTarget = await targetPasses(context, targetNames(context.options?.targetNames).typecheck, 'typecheck', (output) => {
    targetOutput = output;
    return null;
  });
  if (viaTarget) {
    // The target failed only on imports of workspace packages that are not built: the set-up finding, as on the tsc path.
    const lines = targetOutput.split('\n').filter((l) => TS_ERROR.test(l));
    const split = splitUnbuiltImports(lines, packages);
    if (viaTarget.status !== 'fail' || split.unbuilt.size === 0 || split.own.length > 0) return viaTarget;
    return judge({ errors: 0, details: [], unbuilt: split.unbuilt, failing: null });
  }
  const run = runTsc(context.workspaceRoot, context.projectRoot);
  if ('skipped' in run) return skip(run.skipped, run.fix);
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
  return judge({ errors, details, unbuilt, failing });
});

/** A line where tsc reports an error (`file(1,2): error TS2307: …`, or a bare `error TS…`). */
const TS_ERROR = /error TS\d+:/;

/**
 * The verdict from the project's own type errors and the imports of workspace packages that are not
 * built yet: the workspace's set-up, not this project's type errors, so one finding apart that warns.
 */
function judge({
  errors,
  details,
  unbuilt,
  failing,
}: {
  errors: number;
  details: CheckDetail[];
  unbuilt: Map<string, number>;
  failing: string | null;
}): CheckOutcome {
  const setup =
    unbuilt.size > 0
      ? `${[...unbuilt.values()].reduce((a, b) => a + b, 0)} import(s) of workspace packages that are not built (${[...unbuilt.keys()].sort().join(', ')}) do not resolve: the type check ran before their build. Add "typecheck": { "dependsOn": ["^build"] } to targetDefaults in nx.json`
      : null;
  return {
    status: errors > 0 ? 'fail' : setup ? 'warn' : 'pass',
    score: errors === 0 ? (setup ? 75 : 100) : Math.max(0, 100 - 5 * errors),
    metric: {
      value: errors,
      unit: 'type errors',
      text: `${errors} type error(s)` + (setup ? `; ${unbuilt.size} workspace package(s) not built` : ''),
    },
    details: setup ? [{ message: setup }, ...details] : details,
    fix: failing
      ? `tsc --noEmit -p ${failing}`
      : setup
        ? 'add "typecheck": { "dependsOn": ["^build"] } to targetDefaults in nx.json'
        : null,
    ratchet: { 'type errors': { value: errors, better: 'lower' } },
  };
}
