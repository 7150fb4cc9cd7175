import { ErrorBag, TsError } from '../diagnostics';
import { StrictSession } from '../session';
import { UnplacedError, suppressErrors } from '../suppress';
import { isOwnSuppression } from './stale';

/** The errors of one check of the program, sorted by what the migration does with each. */
export interface ErrorTriage {
  /** Errors the project had before this run: not this command's to touch. */
  preExisting: TsError[];
  /** New errors in files this run may not change. */
  outside: TsError[];
  /** New errors to suppress, by file. */
  todo: Map<string, TsError[]>;
  /** Lines of our own suppressions with nothing left to suppress (TS2578), by file. */
  stale: Map<string, number[]>;
  /** Errors on lines where no suppression could be placed safely. */
  stuck: TsError[];
}

/** Sorts the errors of one check: pre-existing, outside, stale suppressions, stuck, to suppress. */
export function triageErrors(
  session: StrictSession,
  errors: Map<string, TsError[]>,
  preExisting: Map<string, ErrorBag>,
  unplaced: UnplacedError[],
): ErrorTriage {
  const triage: ErrorTriage = { preExisting: [], outside: [], todo: new Map(), stale: new Map(), stuck: [] };
  const push = <T>(map: Map<string, T[]>, name: string, value: T) => map.set(name, [...(map.get(name) ?? []), value]);
  for (const [name, list] of errors) {
    const pre = preExisting.get(name)?.clone() ?? new ErrorBag();
    for (const e of list) {
      if (session.skipped.has(name) || pre.take(e)) triage.preExisting.push(e);
      else if (!session.editable(name)) triage.outside.push(e);
      else if (e.code === 2578 && isOwnSuppression(session.lineText(name, e.line))) push(triage.stale, name, e.line);
      else if (unplaced.some((u) => u.file === name && u.line === e.line && u.code === e.code)) triage.stuck.push(e);
      else push(triage.todo, name, e);
    }
  }
  return triage;
}

/**
 * Stage 3. One tagged `@ts-expect-error` per line for what code fixes left, in a form that is safe
 * where the line is (JSX children, attributes, template literals…). A file whose stale suppressions
 * were just removed is left to the next round: its lines moved.
 */
export function suppressRemaining(session: StrictSession, triage: ErrorTriage): { placed: TsError[]; unplaced: UnplacedError[] } {
  const placed: TsError[] = [];
  const unplaced: UnplacedError[] = [];
  for (const [name, errors] of triage.todo) {
    if (triage.stale.has(name)) continue;
    // A line that already had an error keeps it visible: one @ts-expect-error would hide both.
    const taken = new Set(triage.preExisting.filter((e) => e.file === name).map((e) => e.line));
    for (const e of errors.filter((x) => taken.has(x.line))) {
      unplaced.push({ ...e, reason: 'the line already has an error from before strict: a suppression would hide that one too' });
    }
    const result = suppressErrors(
      session.sourceFile(name),
      errors.filter((e) => !taken.has(e.line)),
    );
    placed.push(...result.placed);
    unplaced.push(...result.unplaced);
  }
  return { placed, unplaced };
}
