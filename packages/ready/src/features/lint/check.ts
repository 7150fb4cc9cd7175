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
    (await targetPasses(context, target, 'lint', (output) =>
      // `next lint` with no ESLint config asks how to set one up, and fails where nobody can answer.
      /How would you like to configure ESLint|No ESLint configuration found/i.test(output)
        ? {
            message: `the lint target (next lint) found no ESLint configuration in ${context.projectRoot} and asked, interactively, how to set one up: in CI nobody answers`,
            fix: `add an ESLint config to ${context.projectRoot} (eslint.config.mjs extending next/core-web-vitals), or nx add @nx/eslint && nx g @nx/eslint:lint-project --project=${context.projectName}`,
          }
        : null,
    )) ?? {
      status: 'fail',
      score: 0,
      metric: { value: 1, unit: 'failing target', text: 'no lint target' },
      details: [{ message: `project has no "${target}" target` }],
      // @nx/eslint may not be installed yet (package-based repos): nx add installs it first.
      fix: `nx add @nx/eslint && nx g @nx/eslint:lint-project --project=${context.projectName}`,
    }
  );
});
