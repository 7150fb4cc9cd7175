import type { ReadTree } from '../core/workspace/files';
import type { Project, SourceFile } from 'ts-morph';
import { Codemod, CodemodReport, CodemodResult, CodemodSkip } from './codemod';

export type CodemodMode = 'analyze' | 'transform';

/**
 * A codemod over one project, as its check (analyze) and its generator (transform) both run it:
 * what it would write, in `writes`, never written by itself.
 */
export type ProjectPlanner<Options, Result> = (
  tree: ReadTree,
  project: { name: string; root: string },
  options: Options,
  mode?: CodemodMode,
) => Result;

export interface FileRun<R> {
  /** What the codemod found (analyze) or did (transform); null when the file did not parse. */
  report: CodemodReport | null;
  /** The transform's own result (transform mode only). */
  result: R | null;
  /** The file's new text, when the transform changed it and the result parses. */
  text: string | null;
  warning: CodemodSkip | null;
}

const notParsed = (file: string): FileRun<never> => ({
  report: null,
  result: null,
  text: null,
  warning: { file, line: 1, reason: 'parse-error', message: 'does not parse: skipped, left as it is' },
});

/** The transform's result, unless its text does not parse: then the file stays as it was, and the warning says so. */
function checked<R extends CodemodResult>(file: string, result: R, text: string, parses: boolean): FileRun<R> {
  if (parses) return { report: result, result, text, warning: null };
  const kept = { ...result, changed: false, changes: [] };
  return {
    report: kept,
    result: kept,
    text: null,
    warning: { file, line: 1, reason: 'codemod-error', message: 'the conversion did not parse; file left as it is (please report this)' },
  };
}

/**
 * The one place a codemod meets a file, with the rules every codemod keeps: a file that does not
 * parse is skipped with a warning; a result that does not parse is never returned (the file stays
 * as it was, and the warning says so). Nothing is written here: the caller writes `text` through
 * the Nx Tree (so --dry-run works). The parsed file is dropped afterwards to keep memory flat.
 * A codemod with its own parser needs no ts-morph project (`project` may be null).
 */
export function runCodemod<C, R extends CodemodResult, S>(
  codemod: Codemod<C, R, S>,
  project: Project | null,
  file: string,
  text: string,
  context: C,
  mode: CodemodMode = 'transform',
): FileRun<R> {
  if (codemod.parse) return runParsed(codemod, codemod.parse.bind(codemod), file, text, context, mode);
  if (!project) throw new Error(`the ${codemod.name} codemod edits ts-morph files: it needs a project`);
  return runTsMorph(codemod as unknown as Codemod<C, R, SourceFile>, project, file, text, context, mode);
}

function runParsed<C, R extends CodemodResult, S>(
  codemod: Codemod<C, R, S>,
  parse: (file: string, text: string) => S | null,
  file: string,
  text: string,
  context: C,
  mode: CodemodMode,
): FileRun<R> {
  const source = parse(file, text);
  if (source === null) return notParsed(file);
  if (mode === 'analyze') return { report: codemod.analyze(source, context), result: null, text: null, warning: null };
  const result = codemod.transform(source, context);
  const edited = result.text;
  delete result.text;
  if (!result.changed || edited === undefined) return { report: result, result, text: null, warning: null };
  return checked(file, result, edited, parse(file, edited) !== null);
}

function runTsMorph<C, R extends CodemodResult>(
  codemod: Codemod<C, R, SourceFile>,
  project: Project,
  file: string,
  text: string,
  context: C,
  mode: CodemodMode,
): FileRun<R> {
  // ts-morph (and TypeScript with it) is loaded here, by the codemods that use it, and only then.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { hasSyntaxErrors, textHasSyntaxErrors } = require('./parse') as typeof import('./parse');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseFile, releaseFile } = require('./project') as typeof import('./project');
  // An analysis reads the file as it is, so a parse a shared project holds serves it; a transform
  // edits its own parse, which is never kept.
  const sf = mode === 'analyze' ? parseFile(project, file, text) : project.createSourceFile(file, text, { overwrite: true });
  try {
    if (hasSyntaxErrors(sf)) return notParsed(file);
    if (mode === 'analyze') return { report: codemod.analyze(sf, context), result: null, text: null, warning: null };
    const result = codemod.transform(sf, context);
    const edited = result.text;
    delete result.text;
    if (!result.changed) return { report: result, result, text: null, warning: null };
    const parses = edited !== undefined ? !textHasSyntaxErrors(file, edited) : !hasSyntaxErrors(sf);
    return checked(file, result, edited ?? sf.getFullText(), parses);
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
