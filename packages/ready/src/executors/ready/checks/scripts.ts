import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { targetNames } from '../../../core/defaults';
import { diskTree } from '../../../core/files';
import { isApp } from '../../../core/project-facts';
import { ciRunsReady } from '../../../features/ci/ci-detect';
import { Check, CheckDetail } from '../../../core/check';

/**
 * The seed's checklist for an app: a production env file, a build-production target, and CI that
 * runs `nx affected -t ready`.
 */
export const scriptsCheck: Check = {
  id: 'scripts',
  title: 'Production env, build-production target, CI runs ready',
  defaultWeight: 10,
  run(context) {
    if (!isApp(diskTree(context.workspaceRoot), context.projectRoot, context.projectType))
      return { status: 'skip', score: 0, metric: null, details: [{ message: 'Not an app: the checklist is for apps.' }], fix: null };
    const missing: CheckDetail[] = [];
    const fixes: string[] = [];
    if (!existsSync(join(context.workspaceRoot, context.projectRoot, '.env.production'))) {
      missing.push({ file: `${context.projectRoot}/.env.production`, message: 'no production env file' });
      fixes.push(`nx g @plinto/ready:env --project=${context.projectName}`);
    }
    const buildProduction = targetNames(context.options?.targetNames).buildProduction;
    if (context.targets && !context.targets[buildProduction]) {
      missing.push({ message: `no "${buildProduction}" target (needs a next.config.* and @plinto/ready in nx.json plugins)` });
      fixes.push('nx add @plinto/ready');
    }
    const ci = ciRunsReady(context.workspaceRoot);
    if (!ci.runsReady) {
      missing.push({
        message:
          ci.files.length === 0
            ? 'no CI definition found (.github/workflows, .gitlab-ci.yml, …)'
            : `CI (${ci.files.join(', ')}) does not run "nx affected -t ready"`,
      });
      fixes.push('add "npx nx affected -t ready" to CI');
    }
    return {
      status: missing.length === 0 ? 'pass' : 'fail',
      score: Math.round((100 * (3 - missing.length)) / 3),
      metric: { value: 3 - missing.length, unit: 'of 3 items', text: `${3 - missing.length} of 3 checklist items` },
      details: missing,
      fix: fixes.length > 0 ? fixes.join('; ') : null,
    };
  },
};
