import { checkTree, defineCheck, skip } from '../../core/contracts/check';
import { hasCodeToTest } from '../../core/workspace/project-facts';
import { targetNames } from '../../core/contracts/defaults';
import { targetPasses } from '../../core/contracts/target-check';

export const lintCheck = defineCheck({ id: 'lint', title: 'Lint passes', defaultWeight: 10 }, async (context) => {
  const target = targetNames(context.options?.targetNames).lint;
  if (!context.targets?.[target] && !hasCodeToTest(checkTree(context), context.projectRoot)) {
    return skip(`No code to lint in ${context.projectRoot} (configuration and assets only): lint does not apply.`);
  }
  return (
    (await targetPasses(context, target, 'lint')) ?? {
      status: 'fail',
      score: 0,
      metric: { value: 1, unit: 'failing target', text: 'no lint target' },
      details: [{ message: `project has no "${target}" target` }],
      // @nx/eslint may not be installed yet (package-based repos): nx add installs it first.
      fix: `nx add @nx/eslint && nx g @nx/eslint:lint-project --project=${context.projectName}`,
    }
  );
});
