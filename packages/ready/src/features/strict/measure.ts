import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ts } from 'ts-morph';
import { StrictFlag, effectiveStrictFlags, listProjectTsConfigs, readTsConfig, resolveTypeScriptVersion } from '../../core/tsconfig';
import { STRICT_SUPPRESSION_TAG } from '../../codemods/strict/suppress';
import { listProjectFiles } from '../../utils/project-files';

export interface StrictFlagOff {
  /** Workspace-relative tsconfig. */
  file: string;
  flag: StrictFlag;
  why: string;
}

export interface StrictnessMeasure {
  /** The TypeScript version the project compiles with, or null when none is installed for it. */
  installed: string | null;
  /** The version whose defaults were applied (the installed one, else ts-morph's). */
  version: string;
  /** (tsconfig, flag) pairs judged, and those that are off. */
  pairs: number;
  off: StrictFlagOff[];
  /** Strict flags this TypeScript version knows. */
  known: number;
  suppressions: { count: number; files: number };
  /** The project's tsconfig files (none: not a TypeScript project, e.g. a style or asset package). */
  tsconfigs: number;
}

/**
 * Every strict flag of every tsconfig of the project that compiles files, as tsc resolves it for the installed TypeScript.
 * A project without a tsconfig has nothing to judge: `tsconfigs` is 0.
 */
export function measureStrictness(workspaceRoot: string, projectName: string, projectRoot: string): StrictnessMeasure {
  const configs = listProjectTsConfigs(workspaceRoot, projectRoot);
  const installed = resolveTypeScriptVersion(workspaceRoot, projectRoot);
  const version = installed ?? ts.version;
  const measure: StrictnessMeasure = {
    installed,
    version,
    pairs: 0,
    off: [],
    known: 0,
    suppressions: countStrictSuppressions(workspaceRoot, projectRoot),
    tsconfigs: configs.length,
  };
  for (const path of configs) {
    const config = readTsConfig(path, workspaceRoot);
    if (config.compilesNothing) continue;
    const states = effectiveStrictFlags(config.options, version);
    measure.known = states.length;
    for (const state of states) {
      measure.pairs++;
      if (state.on) continue;
      const why =
        state.source === 'flag'
          ? `set to false`
          : state.source === 'strict'
            ? `off through "strict": false`
            : `off by default in TypeScript ${version} (no "strict" set)`;
      measure.off.push({ file: relative(workspaceRoot, path), flag: state.flag, why });
    }
  }
  return measure;
}

/** This command's tagged suppressions left in the project's sources: strict-mode debt. */
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
