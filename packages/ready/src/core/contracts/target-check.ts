import { CheckContext, CheckOutcome } from './check';

/** Runs one of the project's targets through the executor and turns its exit into a verdict. */
export async function targetPasses(context: CheckContext, target: string, what: string): Promise<CheckOutcome | null> {
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
