/** What every codemod reports: what it changed and what it left alone, each with file:line. */
export interface CodemodChange {
  file: string;
  line: number;
  /** A short name of what was done, e.g. "static-import", "remote". */
  kind: string;
  message: string;
}

export interface CodemodSkip {
  file: string;
  line: number;
  /** A stable reason code, for summaries and for the check that must agree with the codemod. */
  reason: string;
  message: string;
}

export interface CodemodResult {
  changed: boolean;
  changes: CodemodChange[];
  skips: CodemodSkip[];
  warnings: CodemodSkip[];
}

export function emptyResult(): CodemodResult {
  return { changed: false, changes: [], skips: [], warnings: [] };
}
