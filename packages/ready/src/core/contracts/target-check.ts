import { CheckContext, CheckOutcome } from './check';

/** Why a failing target failed, in words, with what fixes it, when its output says (else the output's last lines stand). */
export type FailureExplainer = (output: string) => { message: string; fix: string } | null;

/**
 * Runs one of the project's targets through the executor and turns its exit into a verdict. A
 * failure always says why: `explain`'s reading of the output, else its last lines, else that it
 * printed nothing.
 */
export async function targetPasses(
  context: CheckContext,
  target: string,
  what: string,
  explain: FailureExplainer = () => null,
): Promise<CheckOutcome | null> {
  if (!context.targets?.[target] || !context.runTarget) return null;
  const run = await context.runTarget(target);
  const metric = { value: run.success ? 0 : 1, unit: 'failing target', text: run.success ? `${what} passes` : `${what} fails` };
  if (run.success) return { status: 'pass', score: 100, metric, details: [], fix: null };
  const explained = explain(run.output);
  const tail = run.output.trim().split('\n').filter(Boolean).slice(-5);
  return {
    status: 'fail',
    score: 0,
    metric,
    details: explained
      ? [{ message: explained.message }]
      : tail.length > 0
        ? tail.map((message) => ({ message }))
        : [{ message: `nx run ${context.projectName}:${target} failed and printed nothing` }],
    fix: explained?.fix ?? `nx run ${context.projectName}:${target}`,
  };
}
