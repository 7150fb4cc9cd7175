import { Project } from 'ts-morph';
import { Codemod, CodemodReport, CodemodResult, CodemodSkip } from './codemod';
import { hasSyntaxErrors, textHasSyntaxErrors } from './parse';
import { parseFile, releaseFile } from './project';

export type CodemodMode = 'analyze' | 'transform';

export interface FileRun<R> {
  /** What the codemod found (analyze) or did (transform); null when the file did not parse. */
  report: CodemodReport | null;
  /** The transform's own result (transform mode only). */
  result: R | null;
  /** The file's new text, when the transform changed it and the result parses. */
  text: string | null;
  warning: CodemodSkip | null;
}

/**
 * The one place a codemod meets a file, with the rules every codemod keeps: a file that does not
 * parse is skipped with a warning; a result that does not parse is never returned (the file stays
 * as it was, and the warning says so). Nothing is written here: the caller writes `text` through
 * the Nx Tree (so --dry-run works). The parsed file is dropped afterwards to keep memory flat.
 */
export function runCodemod<C, R extends CodemodResult>(
  codemod: Codemod<C, R>,
  project: Project,
  file: string,
  text: string,
  context: C,
  mode: CodemodMode = 'transform',
): FileRun<R> {
  // An analysis reads the file as it is, so a parse a shared project holds serves it; a transform
  // edits its own parse, which is never kept.
  const sf = mode === 'analyze' ? parseFile(project, file, text) : project.createSourceFile(file, text, { overwrite: true });
  try {
    if (hasSyntaxErrors(sf)) {
      return {
        report: null,
        result: null,
        text: null,
        warning: { file, line: 1, reason: 'parse-error', message: 'does not parse: skipped, left as it is' },
      };
    }
    if (mode === 'analyze') return { report: codemod.analyze(sf, context), result: null, text: null, warning: null };
    const result = codemod.transform(sf, context);
    const edited = result.text;
    delete result.text;
    if (!result.changed) return { report: result, result, text: null, warning: null };
    if (edited !== undefined ? textHasSyntaxErrors(file, edited) : hasSyntaxErrors(sf)) {
      const kept = { ...result, changed: false, changes: [] };
      return {
        report: kept,
        result: kept,
        text: null,
        warning: {
          file,
          line: 1,
          reason: 'codemod-error',
          message: 'the conversion did not parse; file left as it is (please report this)',
        },
      };
    }
    return { report: result, result, text: edited ?? sf.getFullText(), warning: null };
  } finally {
    if (mode === 'analyze') releaseFile(project, sf);
    else project.removeSourceFile(sf);
  }
}

/** What a codemod did over many files: the reports added up and the new texts, by file. */
export interface CodemodTally {
  changes: CodemodReport['changes'];
  skips: CodemodReport['skips'];
  warnings: CodemodReport['warnings'];
  writes: Map<string, string>;
}

/** Adds one file's run to a tally; false when the file did not parse (its warning is added). */
export function tally<R>(into: CodemodTally, file: string, run: FileRun<R>): boolean {
  if (run.warning) into.warnings.push(run.warning);
  if (!run.report) return false;
  into.changes.push(...run.report.changes);
  into.skips.push(...run.report.skips);
  into.warnings.push(...run.report.warnings);
  if (run.text !== null) into.writes.set(file, run.text);
  return true;
}

/** `reason count` pairs of a list of skips, most frequent first: "unknown-host 3, svg 1". */
export function skipsByReason(skips: ReadonlyArray<{ reason: string }>): string {
  const counts = new Map<string, number>();
  for (const s of skips) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}
