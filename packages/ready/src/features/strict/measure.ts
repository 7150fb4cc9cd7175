import { relative } from 'node:path';
import { ts } from 'ts-morph';
import {
  StrictFlag,
  effectiveStrictFlags,
  listProjectTsConfigs,
  readTsConfig,
  resolveTypeScriptVersion,
} from '../../core/workspace/tsconfig';
import { STRICT_SUPPRESSION_TAG } from '../../codemods/strict/tag';
import { ReadTree, treeFiles } from '../../core/workspace/files';

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
  suppressions: { count: number; files: number; list: StrictSuppression[] };
  /** Tsconfigs judged: one per distinct effective set of strict flags (a config that only inherits them counts once). */
  effectiveConfigs: number;
  /** The project's tsconfig files (none: not a TypeScript project, e.g. a style or asset package). */
  tsconfigs: number;
}

/**
 * Every strict flag of every tsconfig of the project that compiles files, as tsc resolves it for the installed TypeScript.
 * A project without a tsconfig has nothing to judge: `tsconfigs` is 0.
 */
export function measureStrictness(tree: ReadTree, projectName: string, projectRoot: string): StrictnessMeasure {
  const workspaceRoot = tree.root;
  const configs = listProjectTsConfigs(workspaceRoot, projectRoot);
  const installed = resolveTypeScriptVersion(workspaceRoot, projectRoot);
  const version = installed ?? ts.version;
  const measure: StrictnessMeasure = {
    installed,
    version,
    pairs: 0,
    off: [],
    known: 0,
    suppressions: countStrictSuppressions(tree, projectRoot),
    tsconfigs: configs.length,
    effectiveConfigs: 0,
  };
  const seen = new Set<string>();
  for (const path of configs) {
    const config = readTsConfig(path, workspaceRoot, undefined, { files: false });
    if (config.compilesNothing) continue;
    const states = effectiveStrictFlags(config.options, version);
    measure.known = states.length;
    // tsconfig.spec.json extending tsconfig.json with the same flags is one setting, counted once.
    const key = JSON.stringify(states);
    if (seen.has(key)) continue;
    seen.add(key);
    measure.effectiveConfigs++;
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

export interface StrictSuppression {
  /** Workspace-relative. */
  file: string;
  /** 1-based line of the directive. */
  line: number;
  /** The TypeScript error it suppresses ("TS18047"), as the strict generator wrote it. */
  code: string | null;
  message: string;
}

/** The strict generator's tagged suppressions left in the project's sources, each with its place and error: strict-mode debt. */
export function countStrictSuppressions(tree: ReadTree, projectRoot: string): { count: number; files: number; list: StrictSuppression[] } {
  const list: StrictSuppression[] = [];
  const directive = `@ts-expect-error ${STRICT_SUPPRESSION_TAG}`;
  const files = new Set<string>();
  for (const file of treeFiles(tree, projectRoot, /\.[cm]?tsx?$/)) {
    const text = tree.read(file, 'utf-8') ?? '';
    if (!text.includes(directive)) continue;
    text.split('\n').forEach((line, index) => {
      const at = line.indexOf(directive);
      if (at < 0) return;
      const rest = line
        .slice(at + directive.length)
        .replace(/\*\/\s*\}?\s*$/, '')
        .trim();
      const code = /^(TS\d+)\b:?\s*/.exec(rest);
      list.push({ file, line: index + 1, code: code?.[1] ?? null, message: code ? rest.slice(code[0].length) : rest });
      files.add(file);
    });
  }
  return { count: list.length, files: files.size, list };
}
