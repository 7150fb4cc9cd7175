import { applyEdits, modify, parse, ParseError } from 'jsonc-parser';
import { relative } from 'node:path';
import { ts } from 'ts-morph';
import { ReadyError } from '../../utils/errors';
import { STRICT_FLAGS, StrictFlag, TsConfigInfo, effectiveStrictFlags, readTsConfig } from '../../core/workspace/tsconfig';

/** `all`: turn `strict` on; otherwise the named flags one by one. */
export type FlagRequest = 'all' | StrictFlag[];

export interface ConfigEdit {
  /** Absolute path of the edited tsconfig. */
  path: string;
  text: string;
  /** What changed, for the summary: `"strict": true`, `removed "noImplicitAny": false`. */
  notes: string[];
}

export interface StrictPlan {
  /** Every tsconfig this run edits, with its new text (comments and layout kept). */
  edits: Map<string, ConfigEdit>;
  /** Per compiling config: the flags that were off and the options before and after. */
  configs: Array<{ config: TsConfigInfo; flagsTurnedOn: StrictFlag[]; before: ts.CompilerOptions; after: ts.CompilerOptions }>;
}

/** Checks `--flags`: `all` (or nothing) or strict flags, as Nx hands them (split at commas). */
export function parseFlagRequest(flags: readonly string[] | undefined): FlagRequest {
  const names = (flags ?? []).map((f) => f.trim()).filter(Boolean);
  if (names.length === 0 || (names.length === 1 && names[0] === 'all')) return 'all';
  const known = STRICT_FLAGS.map((f) => f.name as string);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new ReadyError(
      `--flags=${names.join(',')}: ${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is not a strict flag' : 'are not strict flags'}: use "all" or any of ${known.join(', ')}.`,
    );
  }
  return names as StrictFlag[];
}

/**
 * Decides which tsconfig gets which flag, keeping every other byte: for each config that compiles
 * files, the top-most tsconfig of its `extends` chain inside the project gets `"strict": true` (or
 * the requested flags); an explicit `false` lower in the chain inside the project, which would still
 * win, is removed. A shared base outside the project is never edited: other projects use it. The
 * result is read back the way tsc reads it to prove every requested flag is on.
 */
export function planStrictConfigs(
  configs: TsConfigInfo[],
  projectDir: string,
  request: FlagRequest,
  typescriptVersion: string,
  workspaceRoot: string,
  readText: (path: string) => string,
): StrictPlan {
  const texts = new Map<string, string>();
  const notes = new Map<string, string[]>();
  const textOf = (path: string) => texts.get(path) ?? readText(path);
  const edit = (path: string, key: string, value: boolean | undefined, note: string) => {
    const text = textOf(path);
    const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
    const edits = modify(text, ['compilerOptions', key], value, {
      formattingOptions: {
        insertSpaces: !indent.startsWith('\t'),
        tabSize: indent.startsWith('\t') ? 1 : indent.length,
        eol: text.includes('\r\n') ? '\r\n' : '\n',
      },
    });
    if (edits.length === 0) return;
    texts.set(path, applyEdits(text, edits));
    notes.set(path, [...(notes.get(path) ?? []), note]);
  };
  const rawOptions = (path: string): Record<string, unknown> => {
    const errors: ParseError[] = [];
    const json = parse(textOf(path), errors, { allowTrailingComma: true });
    return (json?.compilerOptions as Record<string, unknown>) ?? {};
  };
  const inProject = (path: string) => !relative(projectDir, path).startsWith('..');

  const plan: StrictPlan['configs'] = [];
  for (const config of configs) {
    if (config.compilesNothing) continue;
    const states = effectiveStrictFlags(config.options, typescriptVersion);
    const wanted = new Set(request === 'all' ? states.map((s) => s.flag) : request);
    const off = states.filter((s) => wanted.has(s.flag) && !s.on).map((s) => s.flag);
    if (off.length === 0) continue;
    const chain = [config.path, ...config.extendedFiles].filter(inProject);
    const owner = chain[chain.length - 1];
    const below = chain.slice(0, -1);
    if (request === 'all') {
      if (rawOptions(owner).strict !== true) edit(owner, 'strict', true, '"strict": true');
      for (const path of chain) {
        for (const flag of STRICT_FLAGS.map((f) => f.name)) {
          if (rawOptions(path)[flag] === false) edit(path, flag, undefined, `removed "${flag}": false`);
        }
      }
      for (const path of below) if (rawOptions(path).strict === false) edit(path, 'strict', undefined, 'removed "strict": false');
    } else {
      for (const flag of off) {
        edit(owner, flag, true, `"${flag}": true`);
        for (const path of below) if (rawOptions(path)[flag] === false) edit(path, flag, undefined, `removed "${flag}": false`);
      }
    }
    plan.push({ config, flagsTurnedOn: off, before: withFlags(config.options, states), after: {} });
  }

  // A base outside the project that sets a flag to false still wins over "strict": true: say it
  // explicitly in the owner, then read every config back as tsc would.
  const overlay = () => new Map([...texts]);
  for (const entry of plan) {
    let reread = readTsConfig(entry.config.path, workspaceRoot, overlay());
    const chain = [entry.config.path, ...entry.config.extendedFiles].filter(inProject);
    for (const state of effectiveStrictFlags(reread.options, typescriptVersion)) {
      if (entry.flagsTurnedOn.includes(state.flag) && !state.on) edit(chain[chain.length - 1], state.flag, true, `"${state.flag}": true`);
    }
    reread = readTsConfig(entry.config.path, workspaceRoot, overlay());
    const states = effectiveStrictFlags(reread.options, typescriptVersion);
    const stillOff = states.filter((s) => entry.flagsTurnedOn.includes(s.flag) && !s.on);
    if (stillOff.length > 0) {
      throw new ReadyError(
        `${relative(workspaceRoot, entry.config.path)}: could not turn on ${stillOff.map((s) => s.flag).join(', ')} by editing the project's tsconfig files; set them in the file by hand and run the command again.`,
      );
    }
    entry.after = withFlags(reread.options, states);
  }
  const edits = new Map<string, ConfigEdit>();
  for (const [path, text] of texts) edits.set(path, { path, text, notes: notes.get(path) ?? [] });
  return { edits, configs: plan };
}

/** The options with every strict flag written out, so a compiler of another version reads them alike. */
function withFlags(options: ts.CompilerOptions, states: ReturnType<typeof effectiveStrictFlags>): ts.CompilerOptions {
  const result: ts.CompilerOptions = { ...options };
  delete result.strict;
  for (const s of states) result[s.flag] = s.on;
  return result;
}
