import { join } from 'node:path';
import { targetNames } from '../../core/contracts/defaults';
import { CheckContext, CheckOutcome, defineCheck, projectArg, skip } from '../../core/contracts/check';
import { readJsonIfValid } from '../../utils/json';
import { withoutBuild } from '../build/check';
import { SMOKE_RECORD_FILE } from './files';
import { SmokeReport, routeProblems } from './run-smoke';

/** The ids of the checks that read the smoke record: ready runs them when it depends on smoke-record. */
export const SMOKE_CHECK_IDS = ['smoke', 'security-headers'] as const;

const smokeCommand = (context: CheckContext) => `nx run ${context.projectName}:${targetNames(context.options?.targetNames).smoke}`;

/**
 * The smoke record of this run, or why a check that reads it has nothing to judge (no build, ready
 * not depending on smoke-record, no record) or fails (the app did not serve), as that check's outcome.
 */
function smokeRecord(context: CheckContext): { record: SmokeReport } | { outcome: CheckOutcome<never> } {
  const missing = withoutBuild(context);
  if (missing) return { outcome: missing };
  const names = targetNames(context.options?.targetNames);
  if (!context.options?.smokeRecorded)
    return {
      outcome: skip(
        'Not measured: ready does not depend on smoke-record (set "readyRunsSmoke": true in the plugin options in nx.json).',
        smokeCommand(context),
      ),
    };
  const record = readJsonIfValid<SmokeReport>(join(context.workspaceRoot, context.resultsDir, SMOKE_RECORD_FILE));
  if (!record) return { outcome: skip(`No smoke record in ${context.resultsDir}.`, `nx run ${context.projectName}:${names.smokeRecord}`) };
  if (record.error) return { outcome: unserved(context, record.error) };
  return { record };
}

/** The record's error as a failing outcome: the app did not serve, so nothing about it passes. */
const unserved = (context: CheckContext, error: string): CheckOutcome<never> => ({
  status: 'fail',
  score: 0,
  metric: { value: 0, unit: 'routes served', text: `the app did not serve: ${error}` },
  details: [{ message: error }],
  fix: smokeCommand(context),
  items: ['(the app did not serve)'],
});

export const smokeCheck = defineCheck(
  { id: 'smoke', title: 'Every route answers under load within budget', defaultWeight: 10 },
  async (context) => {
    const found = smokeRecord(context);
    if ('outcome' in found) return found.outcome;
    const { record } = found;
    if (record.routes.length === 0) return skip('The build lists no routes to request.', smokeCommand(context));
    const failing = record.routes
      .map((r) => ({ path: r.path, problems: routeProblems(r, record.budgets).serving }))
      .filter((r) => r.problems.length > 0);
    const loaded = record.routes.filter((r) => r.load);
    const slowest = [...loaded].sort((a, b) => b.load!.p95Ms - a.load!.p95Ms)[0];
    return {
      status: failing.length > 0 ? 'fail' : 'pass',
      score: Math.round((100 * (record.routes.length - failing.length)) / record.routes.length),
      metric: {
        value: slowest ? slowest.load!.p95Ms : 0,
        unit: 'ms p95 (slowest route)',
        text: `${record.routes.length - failing.length} of ${record.routes.length} routes within budget${
          slowest ? `; slowest p95 ${slowest.load!.p95Ms} ms (${slowest.path}, budget ${record.budgets.p95Ms} ms)` : ''
        }`,
      },
      details: failing.map((r) => ({ message: `${r.path}: ${r.problems.join('; ')}` })),
      fix: failing.length > 0 ? smokeCommand(context) : null,
      items: failing.map((r) => r.path),
      ratchet: { 'routes failing': { value: failing.length, better: 'lower' } },
    };
  },
);

export const securityHeadersCheck = defineCheck(
  { id: 'security-headers', title: 'Security headers on every route', defaultWeight: 5 },
  async (context) => {
    const found = smokeRecord(context);
    if ('outcome' in found) return found.outcome;
    const { record } = found;
    // Only what answered has headers to judge; a route that did not answer is the smoke check's.
    const answered = record.routes.filter((r) => r.status !== null);
    if (answered.length === 0) return skip('No route answered: no response headers to check.', smokeCommand(context));
    const lacking = answered.filter((r) => r.headerProblems.length > 0);
    const problems = [...new Set(lacking.flatMap((r) => r.headerProblems))];
    return {
      status: lacking.length > 0 ? 'fail' : 'pass',
      score: Math.round((100 * (answered.length - lacking.length)) / answered.length),
      metric: {
        value: problems.length,
        unit: 'header problems',
        text:
          lacking.length === 0
            ? `all ${record.budgets.headers.length} required headers on ${answered.length} routes`
            : `${lacking.length} of ${answered.length} routes: ${problems.join(', ')}`,
      },
      details: problems.map((p) => {
        const on = lacking.filter((r) => r.headerProblems.includes(p));
        return { message: `${p} on ${on.length === answered.length ? 'every route' : on.map((r) => r.path).join(', ')}` };
      }),
      fix: lacking.length > 0 ? `nx g @plinto/ready:headers --project=${projectArg(context)}` : null,
      items: problems,
      ratchet: { 'routes lacking a header': { value: lacking.length, better: 'lower' } },
    };
  },
);
