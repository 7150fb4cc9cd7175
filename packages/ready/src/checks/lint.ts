import { Check, CheckContext, CheckOutcome } from '../core/check';

/** Runs one of the project's targets through the executor and turns its exit into a verdict. */
async function targetPasses(context: CheckContext, target: string, what: string): Promise<CheckOutcome | null> {
  if (!context.targets?.[target] || !context.runTarget) return null;
  const run = await context.runTarget(target);
  const tail = run.output.trim().split('\n').filter(Boolean).slice(-5);
  return {
    status: run.success ? 'pass' : 'fail',
    score: run.success ? 100 : 0,
    metric: { value: run.success ? 0 : 1, unit: 'failing target', text: run.success ? `${what} passes` : `${what} fails` },
    details: run.success ? [] : tail.map((message) => ({ message })),
    fix: run.success ? null : `nx run ${context.projectName}:${target}`,
  };
}

export const lintCheck: Check = {
  id: 'lint',
  title: 'Lint passes',
  defaultWeight: 10,
  async run(context) {
    const target = context.options?.targetNames?.lint ?? 'lint';
    return (
      (await targetPasses(context, target, 'lint')) ?? {
        status: 'fail',
        score: 0,
        metric: { value: 1, unit: 'failing target', text: 'no lint target' },
        details: [{ message: `project has no "${target}" target` }],
        fix: `nx g @nx/eslint:lint-project --project=${context.projectName}`,
      }
    );
  },
};

export { targetPasses };
