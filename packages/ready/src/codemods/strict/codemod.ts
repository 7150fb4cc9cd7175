import { SourceFile, ts } from 'ts-morph';
import { StrictFlag } from '../../core/workspace/tsconfig';
import { Codemod, CodemodChange, CodemodReport, CodemodResult, CodemodSkip } from '../codemod';
import { TsError } from './diagnostics';
import { StrictMigrationReport, migrateToStrict } from './migrate';
import { StrictSession } from './session';
import { findPreExisting, newErrors } from './stages/pre-existing';

export interface StrictFileContext {
  /** The options the file compiled with before, every strict flag written out. */
  before: ts.CompilerOptions;
  /** The flags turned on (the file's project already compiles with them). */
  flags: StrictFlag[];
  fix?: boolean;
}

export interface StrictFileResult extends CodemodResult {
  report: StrictMigrationReport;
}

const change = (e: TsError): CodemodChange => ({ file: e.file, line: e.line, kind: 'strict-error', message: `TS${e.code} ${e.message}` });
const preExisting = (e: TsError): CodemodSkip => ({
  file: e.file,
  line: e.line,
  reason: 'pre-existing',
  message: `TS${e.code} ${e.message}: it was there before strict, left as it is`,
});

/**
 * The strict migration of one file of a program, in the shape of every codemod: `analyze` lists the
 * errors the new flags raise in the file (and the ones it already had, which it leaves), `transform`
 * runs the staged pipeline with only this file editable. The generator runs the same pipeline over
 * whole programs (`migrateToStrict`), since fixes and suppressions are judged across files.
 */
export const strictCodemod: Codemod<StrictFileContext, StrictFileResult> = {
  name: 'strict',
  // Any file of a program can have strict errors: no text says it has none.
  prefilter: () => true,
  analyze(sourceFile: SourceFile, context: StrictFileContext): CodemodReport {
    const file = sourceFile.getFilePath();
    const session = new StrictSession(sourceFile.getProject(), (name) => name === file);
    const initial = new Map([...session.check()].filter(([name]) => name === file));
    const strict = newErrors(session, initial, findPreExisting(session, initial, context.before, context.flags)).get(file) ?? [];
    return {
      changes: strict.map(change),
      skips: (initial.get(file) ?? []).filter((e) => !strict.includes(e)).map(preExisting),
      warnings: [],
    };
  },
  transform(sourceFile: SourceFile, context: StrictFileContext): StrictFileResult {
    const file = sourceFile.getFilePath();
    const report = migrateToStrict(sourceFile.getProject(), {
      before: context.before,
      flags: context.flags,
      fix: context.fix,
      editable: (name) => name === file,
    });
    const own = <T extends { file: string }>(errors: T[]) => errors.filter((e) => e.file === file);
    return {
      changed: report.changed.has(file),
      changes: own(report.strictErrors).map(change),
      skips: own(report.preExistingAtStart).map(preExisting),
      warnings: [
        ...own(report.unplaced).map((e) => ({ file, line: e.line, reason: 'unplaced', message: e.reason })),
        ...own(report.remaining).map((e) => ({
          file,
          line: e.line,
          reason: 'remaining',
          message: `TS${e.code} ${e.message}: still failing after the last round`,
        })),
      ],
      report,
    };
  },
};
