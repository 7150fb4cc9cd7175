import { Project, ts } from 'ts-morph';
import { StrictFlag } from '../../core/workspace/tsconfig';
import { TsError, errorKey } from './diagnostics';
import { StrictSession } from './session';
import { applyCodeFixes } from './stages/code-fixes';
import { findPreExisting, newErrors } from './stages/pre-existing';
import { removeStaleSuppressions } from './stages/stale';
import { suppressRemaining, triageErrors } from './stages/suppress-remaining';
import { UnplacedError } from './suppress';

export interface StrictMigrationOptions {
  /** The options the files compiled with before this run, every strict flag written out. */
  before: ts.CompilerOptions;
  /** The flags this run turns on (the ts-morph project already compiles with them on). */
  flags: StrictFlag[];
  /** May this file be changed? Other files' errors are only reported. */
  editable: (fileName: string) => boolean;
  /** Apply code fixes before suppressing (default true). */
  fix?: boolean;
  /** Check → suppress rounds before giving up (default 3). */
  rounds?: number;
}

export interface StrictMigrationReport {
  /** The errors the new flags raised, before anything was fixed. */
  strictErrors: TsError[];
  /** Errors that code fixes removed, by fix name. */
  fixed: Record<string, number>;
  /** Parameters and members `inferFromUsage` could only annotate as `any` (no usage to infer from). */
  explicitAny: number;
  /** Fixes tried on a file and rolled back because they added an error. */
  rolledBack: Array<{ file: string; fix: string }>;
  suppressed: TsError[];
  /** Errors the project had before this run: not this command's to touch (where they are now). */
  preExisting: TsError[];
  /** The same errors where they were when the run started (lines of the original texts). */
  preExistingAtStart: TsError[];
  /** New errors in files this run may not change (other projects, declaration files, generated files). */
  outside: TsError[];
  unplaced: UnplacedError[];
  /** Strict errors still there after the last round. */
  remaining: TsError[];
  /** Files that do not parse: skipped. */
  skipped: string[];
  /** New text of every file this run changed, by file name. */
  changed: Map<string, string>;
}

/**
 * Migrates one program (a ts-morph project whose compiler options already have the new flags on) to
 * compile under them, as a pipeline of named stages in the order ts-migrate chains its plugins, so
 * that no stage moves the lines a later one annotates:
 * 1. find the errors that existed before (never touched);
 * 2. apply the language service's own code fixes, file by file, rolled back when they add an error;
 * 3. suppress what remains with one tagged `@ts-expect-error` per line;
 * 4. remove this command's suppressions that became stale;
 * checking again after 3 and 4 until the program compiles or the rounds run out. Nothing is
 * written: the new texts are returned.
 */
export function migrateToStrict(project: Project, options: StrictMigrationOptions): StrictMigrationReport {
  const session = new StrictSession(project, options.editable);
  const initial = session.check();
  const preExistingBags = findPreExisting(session, initial, options.before, options.flags);
  const strictErrors = newErrors(session, initial, preExistingBags);
  const fixes =
    options.fix === false ? { fixed: {}, explicitAny: 0, rolledBack: [] } : applyCodeFixes(session, strictErrors, preExistingBags);

  const rounds = options.rounds ?? 3;
  const suppressed: TsError[] = [];
  const unplaced: UnplacedError[] = [];
  for (let round = 0; ; round++) {
    const triage = triageErrors(session, session.check(), preExistingBags, unplaced);
    if ((triage.todo.size === 0 && triage.stale.size === 0) || round === rounds) {
      const remaining = [...triage.stuck, ...[...triage.todo.values()].flat()];
      return {
        strictErrors: [...strictErrors.values()].flat(),
        ...fixes,
        suppressed: suppressed.filter((s) => !remaining.some((r) => r.file === s.file && errorKey(r) === errorKey(s))),
        preExisting: triage.preExisting,
        preExistingAtStart: [...initial].flatMap(([name, list]) => list.filter((e) => !strictErrors.get(name)?.includes(e))),
        outside: triage.outside,
        unplaced,
        remaining,
        skipped: [...session.skipped],
        changed: session.changed(),
      };
    }
    for (const [name, lines] of triage.stale) removeStaleSuppressions(session.sourceFile(name), lines);
    const placed = suppressRemaining(session, triage);
    suppressed.push(...placed.placed);
    unplaced.push(...placed.unplaced);
  }
}
