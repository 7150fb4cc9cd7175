import { defineCheck, checkTree, skip, projectArg } from '../../core/contracts/check';

/** Environment variables declared, secrets kept out: see `measureEnv`. */
export const envCheck = defineCheck(
  { id: 'env', title: 'Environment variables declared, secrets kept out', defaultWeight: 10 },
  async (context) => {
    // Loaded when the check runs: the scan brings the TypeScript parser.
    const [{ envNotApplicable }, { measureEnv }] = await Promise.all([import('./generate'), import('./measure')]);
    const tree = checkTree(context);
    const why = envNotApplicable(tree, context.projectRoot, context.projectType);
    if (why) return skip(`Not an app: ${why}.`);
    const m = measureEnv(tree, { name: context.projectName, root: context.projectRoot }, context.projectGraph ?? null);
    // A generated module nothing imports is not a pass: declared, but checked by nothing.
    return {
      status: m.problems.length > 0 ? 'fail' : m.unresolved.length > 0 || m.notWired ? 'warn' : 'pass',
      score: Math.max(0, 100 - 20 * m.problems.length - (m.notWired ? 25 : 0)),
      metric: {
        value: m.problems.length,
        unit: 'problems',
        text: `${m.variables} variables, ${m.problems.length} problem(s)${m.notWired ? '; env module not wired' : ''}`,
      },
      details: [...m.problems, ...(m.notWired ? [m.notWired] : []), ...m.unresolved],
      fix:
        m.problems.length > 0
          ? `nx g @plinto/ready:env --project=${projectArg(context)}`
          : m.notWired
            ? `nx g @plinto/ready:env --project=${projectArg(context)} --rewrite`
            : null,
      ratchet: { problems: { value: m.problems.length, better: 'lower' } },
    };
  },
);
