import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { targetNames } from '../../core/contracts/defaults';
import { isApp, isNextProject } from '../../core/workspace/project-facts';
import { gitIgnoreRule } from '../../core/workspace/git';
import { ciRunsReady } from './ci-detect';
import { defineCheck, CheckDetail, checkTree, skip, projectArg } from '../../core/contracts/check';

/**
 * The seed's checklist for an app: a production env file that git keeps, a build-production target
 * (both for Next.js apps), and CI that runs `nx affected -t ready`.
 */
export const scriptsCheck = defineCheck(
  { id: 'scripts', title: 'Production env, build-production target, CI runs ready', defaultWeight: 10 },
  (context) => {
    if (!isApp(checkTree(context), context.projectRoot, context.projectType)) return skip('Not an app: the checklist is for apps.');
    const missing: CheckDetail[] = [];
    const fixes: string[] = [];
    // .env.production and build-production are Next.js app items; CI is every app's.
    const next = isNextProject(checkTree(context), context.projectRoot);
    const envFile = `${context.projectRoot}/.env.production`;
    if (next && !existsSync(join(context.workspaceRoot, envFile))) {
      missing.push({ file: envFile, message: 'no production env file' });
      fixes.push(`nx g @plinto/ready:env --project=${projectArg(context)}`);
    } else if (next) {
      const rule = gitIgnoreRule(context.workspaceRoot, envFile);
      if (rule) {
        missing.push({ file: envFile, message: `ignored by git (${rule}): a fresh checkout builds without it` });
        fixes.push(`git add -f ${envFile} (it holds no secret values), or narrow the rule to .env*.local`);
      }
    }
    const buildProduction = targetNames(context.options?.targetNames).buildProduction;
    if (next && context.targets && !context.targets[buildProduction]) {
      missing.push({ message: `no "${buildProduction}" target (needs a next.config.* and @plinto/ready in nx.json plugins)` });
      fixes.push('nx add @plinto/ready');
    }
    const readyTarget = targetNames(context.options?.targetNames).ready;
    const ci = ciRunsReady(checkTree(context), readyTarget);
    if (!ci.runsReady) {
      missing.push({
        message:
          ci.files.length === 0
            ? 'no CI definition found (.github/workflows, .gitlab-ci.yml, …)'
            : `CI (${ci.files.join(', ')}) does not run "nx affected -t ${readyTarget}"`,
      });
      // The generator writes a workflow of its own beside any the workspace has, never over one.
      fixes.push(
        ci.files.includes('.gitlab-ci.yml') && !ci.files.some((f) => f.startsWith('.github/'))
          ? 'nx g @plinto/ready:ci --provider=gitlab'
          : 'nx g @plinto/ready:ci',
      );
    }
    const items = next ? 3 : 1;
    return {
      status: missing.length === 0 ? 'pass' : 'fail',
      score: Math.round((100 * (items - missing.length)) / items),
      metric: { value: items - missing.length, unit: `of ${items} items`, text: `${items - missing.length} of ${items} checklist items` },
      details: missing,
      fix: fixes.length > 0 ? fixes.join('; ') : null,
      ratchet: { 'checklist items': { value: items - missing.length, better: 'higher' } },
    };
  },
);
