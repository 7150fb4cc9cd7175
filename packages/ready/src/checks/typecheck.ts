import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { listProjectTsConfigs, readTsConfig } from '../core/tsconfig';
import { targetPasses } from './lint';
import { Check } from '../core/check';

/**
 * Errors about how project references are set up (TS6305–TS6310: "may not disable emit", "must
 * have composite"…), which `tsc -p` raises for Nx's generated spec configs and `tsc --build` does
 * not: they say nothing about the code, so they are not counted as type errors.
 */
const PROJECT_REFERENCE_SETUP = /error TS63(05|06|07|10):/;

/**
 * The project type-checks: Nx's own typecheck target where the project has one, else the
 * workspace's tsc over each of the project's tsconfigs that compile files (--noEmit).
 */
export const typecheckCheck: Check = {
  id: 'typecheck',
  title: 'Type-checks',
  defaultWeight: 15,
  async run(context) {
    const viaTarget = await targetPasses(context, context.options?.targetNames?.typecheck ?? 'typecheck', 'typecheck');
    if (viaTarget) return viaTarget;
    const configs = listProjectTsConfigs(context.workspaceRoot, context.projectRoot).filter((c) => !readTsConfig(c, context.workspaceRoot).compilesNothing);
    if (configs.length === 0) {
      return { status: 'skip', score: 0, metric: null, details: [{ message: 'No tsconfig that compiles files.' }], fix: null };
    }
    let tsc: string;
    try {
      tsc = require.resolve('typescript/bin/tsc', { paths: [join(context.workspaceRoot, context.projectRoot), context.workspaceRoot] });
    } catch {
      return { status: 'skip', score: 0, metric: null, details: [{ message: 'typescript is not installed in the workspace.' }], fix: 'npm i -D typescript' };
    }
    const details = [];
    let errors = 0;
    let failing: string | null = null;
    for (const config of configs) {
      const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', config], { cwd: context.workspaceRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const lines = `${r.stdout ?? ''}${r.stderr ?? ''}`
        .split('\n')
        .filter((l) => /error TS\d+/.test(l) && !PROJECT_REFERENCE_SETUP.test(l));
      errors += lines.length;
      if (lines.length > 0) {
        failing ??= relative(context.workspaceRoot, config);
        details.push({ file: relative(context.workspaceRoot, config), message: `${lines.length} error(s)` });
        details.push(...lines.slice(0, 10).map((message) => ({ message: message.trim() })));
      }
    }
    return {
      status: errors === 0 && details.length === 0 ? 'pass' : 'fail',
      score: errors === 0 && details.length === 0 ? 100 : Math.max(0, 100 - 5 * errors),
      metric: { value: errors, unit: 'type errors', text: `${errors} type error(s)` },
      details,
      fix: failing ? `tsc --noEmit -p ${failing}` : null,
    };
  },
};
