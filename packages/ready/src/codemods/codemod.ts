import type { SourceFile } from 'ts-morph';

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

/** What a codemod would do to one file (analyze) or did (transform). */
export interface CodemodReport {
  changes: CodemodChange[];
  skips: CodemodSkip[];
  warnings: CodemodSkip[];
}

export interface CodemodResult extends CodemodReport {
  changed: boolean;
  /**
   * The file's new text, when the transform computed it from text edits rather than by editing
   * the source file (which re-parses it and re-wraps its nodes): the runner checks that it parses.
   */
  text?: string;
}

/**
 * The one shape of every codemod: a cheap text prefilter (a file that fails it is never parsed),
 * an analysis that says what the transform would do without changing anything (what the checks
 * use), and the transform itself, which edits a ts-morph SourceFile in memory and never touches
 * the disk. The same object serves the generator, the Nx migration, the check and the benchmark.
 *
 * A codemod that edits text at positions of one tree and needs nothing of ts-morph reads files
 * with its own parser instead (`parse`, Babel's): its source `S` is what `parse` returns, and its
 * transform always hands back the new text.
 */
export interface Codemod<C, R extends CodemodResult = CodemodResult, S = SourceFile> {
  name: string;
  prefilter(text: string, context: C): boolean;
  analyze(source: S, context: C): CodemodReport;
  transform(source: S, context: C): R;
  /** The file's tree, or null when it does not parse; absent for a ts-morph codemod. */
  parse?(file: string, text: string): S | null;
}

export function emptyResult(): CodemodResult {
  return { changed: false, changes: [], skips: [], warnings: [] };
}
