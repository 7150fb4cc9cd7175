import type { ts } from 'ts-morph';
import { StrictFlag } from '../../core/workspace/tsconfig';

/** One type error, where it is and what it says (the position is in the file's current text). */
export interface TsError {
  file: string;
  start: number;
  line: number;
  code: number;
  message: string;
}

/**
 * Error codes that only a strict flag can raise: a TS7006 cannot exist while noImplicitAny is off.
 * A file whose new errors all have a code of a flag this run turns on has no pre-existing errors
 * among them, so the "before" program does not have to check it (checking costs as much as tsc).
 */
export const FLAG_ONLY_CODES: Partial<Record<StrictFlag, readonly number[]>> = {
  noImplicitAny: [7005, 7006, 7008, 7010, 7011, 7015, 7016, 7017, 7018, 7019, 7022, 7023, 7024, 7026, 7031, 7034, 7053],
  strictNullChecks: [2454, 2531, 2532, 2533, 2722, 18047, 18048, 18049],
  strictPropertyInitialization: [2564],
  noImplicitThis: [2683, 7041],
};

/** The first line of a diagnostic's message chain. */
export function headline(diagnostic: ts.Diagnostic): string {
  const text = typeof diagnostic.messageText === 'string' ? diagnostic.messageText : diagnostic.messageText.messageText;
  return text.split('\n')[0].trim();
}

export function toTsError(diagnostic: ts.Diagnostic, file: string): TsError {
  const start = diagnostic.start ?? 0;
  const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(start).line + 1 : 1;
  return { file, start, line, code: diagnostic.code, message: headline(diagnostic) };
}

/** What identifies an error across edits: positions move, code and message do not. */
export function errorKey(error: Pick<TsError, 'code' | 'message'>): string {
  return `${error.code}\u0000${error.message}`;
}

/** A multiset of error keys: `take` consumes one occurrence, so two equal errors need two entries. */
export class ErrorBag {
  private readonly counts = new Map<string, number>();

  constructor(errors: Iterable<Pick<TsError, 'code' | 'message'>> = []) {
    for (const e of errors) this.add(e);
  }

  add(error: Pick<TsError, 'code' | 'message'>): void {
    const key = errorKey(error);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  take(error: Pick<TsError, 'code' | 'message'>): boolean {
    const key = errorKey(error);
    const n = this.counts.get(key) ?? 0;
    if (n === 0) return false;
    this.counts.set(key, n - 1);
    return true;
  }

  clone(): ErrorBag {
    const copy = new ErrorBag();
    for (const [k, n] of this.counts) copy.counts.set(k, n);
    return copy;
  }
}

/** Counts by `TS<code>`, most frequent first. */
export function countByCode(errors: Iterable<{ code: number }>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(`TS${e.code}`, (counts.get(`TS${e.code}`) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
