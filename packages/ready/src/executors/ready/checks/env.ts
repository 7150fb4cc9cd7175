import { Check, skip } from '../../../core/check';
import { diskTree } from '../../../core/files';
import { envNotApplicable } from '../../../features/env/generate';
import { measureEnv } from '../../../features/env/measure';

/** Environment variables declared, secrets kept out: see `measureEnv`. */
export const envCheck: Check = {
  id: 'env',
  title: 'Environment variables declared, secrets kept out',
  defaultWeight: 10,
  run(context) {
    const why = envNotApplicable(diskTree(context.workspaceRoot), context.projectRoot, context.projectType);
    if (why) return skip(`Not an app: ${why}.`);
    const m = measureEnv(context.workspaceRoot, { name: context.projectName, root: context.projectRoot }, context.projectGraph ?? null);
    return {
      status: m.problems.length > 0 ? 'fail' : m.unresolved.length > 0 ? 'warn' : 'pass',
      score: Math.max(0, 100 - 20 * m.problems.length),
      metric: { value: m.problems.length, unit: 'problems', text: `${m.variables} variables, ${m.problems.length} problem(s)` },
      details: [...m.problems, ...m.unresolved],
      fix: m.problems.length > 0 ? `nx g @plinto/ready:env --project=${context.projectName}` : null,
      ratchet: { problems: { value: m.problems.length, better: 'lower' } },
    };
  },
};
