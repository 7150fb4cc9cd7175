import { dirname, join } from 'node:path';
import { ts } from 'ts-morph';
import { StrictFlag } from '../../../core/workspace/tsconfig';
import { ErrorBag, FLAG_ONLY_CODES, TsError, toTsError } from '../diagnostics';
import { StrictSession } from '../session';

/**
 * Stage 1. The errors each file had before the flags went on, as a bag of code + message. A file
 * whose errors all carry codes only the new flags can raise had none of them before, so only the
 * other files are checked again, in a second program that shares the first one's parsed files.
 */
export function findPreExisting(
  session: StrictSession,
  initial: Map<string, TsError[]>,
  before: ts.CompilerOptions,
  flags: StrictFlag[],
): Map<string, ErrorBag> {
  const flagOnly = new Set(flags.flatMap((f) => FLAG_ONLY_CODES[f] ?? []));
  const suspects = [...initial].filter(([, errors]) => errors.some((e) => !flagOnly.has(e.code))).map(([name]) => name);
  const bags = new Map<string, ErrorBag>();
  if (suspects.length === 0) return bags;
  const program = beforeProgram(session, before);
  for (const name of suspects) {
    const sf = program.getSourceFile(name);
    if (!sf) continue;
    const before = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => toTsError(d, name));
    // The same error at the same place may say it differently under strict (a type now printed
    // with `| undefined`): it is still the one that was there before, known by its new words.
    const now = initial.get(name) ?? [];
    bags.set(name, new ErrorBag(before.map((e) => now.find((x) => x.code === e.code && x.start === e.start) ?? e)));
  }
  return bags;
}

/** The errors of each file that the new flags raised: all of its errors less the pre-existing ones. */
export function newErrors(
  session: StrictSession,
  errors: Map<string, TsError[]>,
  preExisting: Map<string, ErrorBag>,
): Map<string, TsError[]> {
  const out = new Map<string, TsError[]>();
  for (const [name, list] of errors) {
    const bag = preExisting.get(name)?.clone() ?? new ErrorBag();
    const own = session.skipped.has(name) ? [] : list.filter((e) => !bag.take(e));
    if (own.length > 0) out.set(name, own);
  }
  return out;
}

/** The same root files compiled with the old options, reusing the session program's parsed files. */
function beforeProgram(session: StrictSession, options: ts.CompilerOptions): ts.Program {
  const { program } = session;
  const fs = session.project.getFileSystem();
  const libFile = program.getSourceFiles().find((sf) => program.isSourceFileDefaultLibrary(sf));
  const libDir = libFile ? dirname(libFile.fileName) : '/node_modules/typescript/lib';
  const host: ts.CompilerHost = {
    getSourceFile: (name, target) =>
      program.getSourceFile(name) ?? (fs.fileExistsSync(name) ? ts.createSourceFile(name, fs.readFileSync(name), target) : undefined),
    getDefaultLibFileName: (o) => join(libDir, ts.getDefaultLibFileName(o)),
    getDefaultLibLocation: () => libDir,
    writeFile: () => undefined,
    getCurrentDirectory: () => fs.getCurrentDirectory(),
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => program.getSourceFile(f) !== undefined || fs.fileExistsSync(f),
    readFile: (f) => (fs.fileExistsSync(f) ? fs.readFileSync(f) : undefined),
    directoryExists: (d) => fs.directoryExistsSync(d),
    realpath: (p) => fs.realpathSync(p),
    getDirectories: (d) => (ts.sys.directoryExists(d) ? ts.sys.getDirectories(d) : []),
  };
  return ts.createProgram({ rootNames: program.getRootFileNames(), options, host });
}
