import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ts } from 'ts-morph';
import { ReadyError } from '../utils/errors';
import { listProjectFiles } from '../utils/project-files';
import {
  effectiveStrictFlags,
  listProjectTsConfigs,
  readTsConfig,
  resolveTypeScriptVersion,
  strictByDefault,
} from '../core/tsconfig';
import { STRICT_SUPPRESSION_TAG } from '../codemods/strict/suppress';
import { Check, CheckDetail } from '../core/check';

export const typescriptStrictCheck: Check = {
  id: 'typescript-strict',
  title: 'TypeScript strict mode',
  defaultWeight: 20,
  run(context) {
    const { workspaceRoot, projectRoot, projectName } = context;
    const fix = `nx g @plinto/ready:strict --project=${projectName}`;
    const configs = listProjectTsConfigs(workspaceRoot, projectRoot);
    if (configs.length === 0) {
      throw new ReadyError(
        `${join(projectRoot, 'tsconfig.json')} does not exist, so project "${projectName}" has no TypeScript settings to check: ` +
          `add a tsconfig.json to the project, or leave "typescript-strict" out of the ready target's "checks" option.`,
      );
    }
    const found = resolveTypeScriptVersion(workspaceRoot, projectRoot);
    const version = found ?? ts.version;
    const details: CheckDetail[] = [];
    let total = 0;
    let off = 0;
    let known = 0;
    const offFlags = new Set<string>();
    for (const path of configs) {
      const config = readTsConfig(path, workspaceRoot);
      if (config.compilesNothing) continue;
      const file = relative(workspaceRoot, path);
      const states = effectiveStrictFlags(config.options, version);
      known = states.length;
      for (const state of states) {
        total++;
        if (state.on) continue;
        off++;
        offFlags.add(state.flag);
        const why =
          state.source === 'flag'
            ? `set to false`
            : state.source === 'strict'
              ? `off through "strict": false`
              : `off by default in TypeScript ${version} (no "strict" set)`;
        details.push({ file, message: `${state.flag} ${why}` });
      }
    }
    if (!found) {
      details.push({ message: `typescript is not installed for this project; assumed ${ts.version} (strict ${strictByDefault(ts.version) ? 'on' : 'off'} by default)` });
    }
    const suppressions = countStrictSuppressions(workspaceRoot, projectRoot);
    if (suppressions.count > 0) {
      details.push({
        message: `${suppressions.count} "${STRICT_SUPPRESSION_TAG}" suppression(s) left in ${suppressions.files} file(s): strict-mode debt to pay down`,
      });
    }
    if (total === 0) {
      return {
        status: 'skip',
        score: 0,
        metric: null,
        details: [{ message: 'Every tsconfig of the project is solution-style (compiles no file itself).' }],
        fix: null,
      };
    }
    const flagsOff = offFlags.size;
    const text =
      flagsOff === 0
        ? suppressions.count > 0
          ? `strict on, ${suppressions.count} suppression(s)`
          : 'strict on'
        : `${flagsOff} of ${known} strict flags off` + (flagsOff <= 3 ? ` (${[...offFlags].join(', ')})` : '');
    return {
      status: off > 0 ? 'fail' : suppressions.count > 0 ? 'warn' : 'pass',
      // The share of (tsconfig, flag) pairs that are on; suppressions cost a point each, at most half.
      score: off > 0 ? Math.round((100 * (total - off)) / total) : 100 - Math.min(50, suppressions.count),
      metric: { value: flagsOff, unit: 'flags off', text },
      details,
      fix: off > 0 || suppressions.count > 0 ? fix : null,
    };
  },
};

export function countStrictSuppressions(workspaceRoot: string, projectRoot: string): { count: number; files: number } {
  let count = 0;
  let files = 0;
  for (const file of listProjectFiles(workspaceRoot, projectRoot, ['.ts', '.tsx', '.mts', '.cts'])) {
    const text = readFileSync(join(workspaceRoot, file), 'utf8');
    if (!text.includes(STRICT_SUPPRESSION_TAG)) continue;
    const n = text.split(`@ts-expect-error ${STRICT_SUPPRESSION_TAG}`).length - 1;
    if (n > 0) {
      count += n;
      files++;
    }
  }
  return { count, files };
}
