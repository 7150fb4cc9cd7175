import { dirname, join } from 'node:path';
import { Project, SourceFile, ts } from 'ts-morph';
import { StrictFlag } from '../../core/tsconfig';
import { ErrorBag, FLAG_ONLY_CODES, TypeError, errorKey, toTypeError } from './diagnostics';
import { TextEdits } from '../text-edits';
import { STRICT_SUPPRESSION_TAG, UnplacedError, suppressErrors } from './suppress';

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

/** A language-service code fix, by its fixId, and the error codes it addresses. */
interface CodeFix {
  id: string;
  codes: ReadonlySet<number>;
}

const INFER_FROM_USAGE: CodeFix = { id: 'inferFromUsage', codes: new Set(FLAG_ONLY_CODES.noImplicitAny) };
const PROPERTY_DEFINITE: CodeFix = { id: 'addMissingPropertyDefiniteAssignmentAssertions', codes: new Set([2564]) };
/** Per property: `| undefined` when the class never dereferences it, the definite `!` when it does. */
const PROPERTY_CHOSEN: CodeFix = { id: 'properties', codes: new Set([2564]) };

/**
 * What to try on a file, best first; each plan is verified by checking the file again and rolled
 * back when it adds an error the file did not have. `| undefined` on a property is the honest
 * type but moves the error to every use that dereferences it, so it is chosen only for properties
 * the class never dereferences; the definite-assignment `!` keeps the old behaviour exactly and is
 * the fallback for every property of the file. Only fixes that change types, never what runs, are used: `fixImplicitThis`
 * turns functions into arrow functions, which changes what `this` is, so TS2683 is suppressed.
 */
const PLANS: CodeFix[][] = [[INFER_FROM_USAGE, PROPERTY_CHOSEN], [INFER_FROM_USAGE, PROPERTY_DEFINITE], [PROPERTY_DEFINITE], []];

export interface StrictMigrationReport {
  /** The errors the new flags raised, before anything was fixed. */
  strictErrors: TypeError[];
  /** Errors that code fixes removed, by fix name. */
  fixed: Record<string, number>;
  /** Parameters and members `inferFromUsage` could only annotate as `any` (no usage to infer from). */
  explicitAny: number;
  /** Fixes tried on a file and rolled back because they added an error. */
  rolledBack: Array<{ file: string; fix: string }>;
  suppressed: TypeError[];
  /** Errors the project had before this run: not this command's to touch. */
  preExisting: TypeError[];
  /** New errors in files this run may not change (other projects, declaration files, generated files). */
  outside: TypeError[];
  unplaced: UnplacedError[];
  /** Strict errors still there after the last round. */
  remaining: TypeError[];
  /** Files that do not parse: skipped. */
  skipped: string[];
  /** New text of every file this run changed, by file name. */
  changed: Map<string, string>;
}

const FORMAT: ts.FormatCodeSettings = { ...ts.getDefaultFormatCodeSettings('\n'), indentSize: 2, tabSize: 2, convertTabsToSpaces: true };
const PREFERENCES: ts.UserPreferences = { quotePreference: 'auto', importModuleSpecifierPreference: 'shortest' };

/**
 * Migrates one program (a ts-morph project whose compiler options already have the new flags on) to
 * compile under them: records the errors that existed before, applies the language service's own
 * code fixes file by file (rolled back when they add an error), then suppresses what remains with
 * one tagged `@ts-expect-error` per line, checking again until the program compiles or the rounds
 * run out. Nothing is written: the new texts are returned.
 */
export function migrateToStrict(project: Project, options: StrictMigrationOptions): StrictMigrationReport {
  const ls = project.getLanguageService().compilerObject;
  const program = ls.getProgram()!;
  const names = program
    .getSourceFiles()
    .filter((sf) => !program.isSourceFileDefaultLibrary(sf) && !program.isSourceFileFromExternalLibrary(sf) && !sf.fileName.includes('/node_modules/'))
    .map((sf) => sf.fileName);
  const skipped = new Set(names.filter((name) => program.getSyntacticDiagnostics(program.getSourceFile(name)).length > 0));
  const editable = (name: string) => options.editable(name) && !name.endsWith('.d.ts') && !skipped.has(name);
  const originals = new Map<string, string>();
  const sourceFile = (name: string): SourceFile => {
    const sf = project.getSourceFileOrThrow(name);
    if (!originals.has(name)) originals.set(name, sf.getFullText());
    return sf;
  };
  const check = (only: Iterable<string> = names): Map<string, TypeError[]> => {
    const current = ls.getProgram()!;
    const result = new Map<string, TypeError[]>();
    for (const name of only) {
      const sf = current.getSourceFile(name);
      if (!sf) continue;
      const diagnostics = [...current.getSyntacticDiagnostics(sf), ...current.getSemanticDiagnostics(sf)];
      result.set(name, diagnostics.map((d) => toTypeError(d, name)));
    }
    return result;
  };

  const initial = check();
  const preExistingBags = findPreExisting(project, program, initial, options);
  const strictErrors = new Map<string, TypeError[]>();
  for (const [name, errors] of initial) {
    const bag = preExistingBags.get(name)?.clone() ?? new ErrorBag();
    const own = skipped.has(name) ? [] : errors.filter((e) => !bag.take(e));
    if (own.length > 0) strictErrors.set(name, own);
  }

  // Code fixes, every file's plans computed on one snapshot, then verified and rolled back per file.
  const fixed: Record<string, number> = {};
  const rolledBack: StrictMigrationReport['rolledBack'] = [];
  let explicitAny = 0;
  const candidates = new Map<string, Map<string, ts.TextChange[]>>();
  /** Per file, how many properties the per-property choice gave each fix. */
  const propertyChoices = new Map<string, Record<string, number>>();
  for (const [name, errors] of strictErrors) {
    if (!editable(name) || options.fix === false) continue;
    const changes = new Map<string, ts.TextChange[]>();
    if (errors.some((e) => INFER_FROM_USAGE.codes.has(e.code))) {
      const found = combinedFix(ls, name, INFER_FROM_USAGE.id);
      if (found.length > 0) changes.set(INFER_FROM_USAGE.id, found);
    }
    const uninitialised = errors.filter((e) => e.code === 2564);
    if (uninitialised.length > 0) {
      const chosen = choosePropertyFixes(ls, project.getSourceFileOrThrow(name).getFullText(), name, uninitialised);
      if (chosen.changes.length > 0) {
        changes.set(PROPERTY_CHOSEN.id, chosen.changes);
        propertyChoices.set(name, chosen.counts);
      }
      if (chosen.definite.length > 0) changes.set(PROPERTY_DEFINITE.id, chosen.definite);
    }
    if (changes.size > 0) candidates.set(name, changes);
  }
  const planOf = new Map<string, number>();
  const applyPlan = (name: string, index: number): boolean => {
    const chosen = PLANS[index].filter((fix) => candidates.get(name)!.has(fix.id));
    const changes = chosen.flatMap((fix) => candidates.get(name)!.get(fix.id)!);
    const sf = sourceFile(name);
    const text = applyChanges(originals.get(name)!, changes) ?? originals.get(name)!;
    if (text !== sf.getFullText()) sf.replaceWithText(text);
    planOf.set(name, index);
    return chosen.length > 0;
  };
  let inFlux = [...candidates.keys()].filter((name) => applyPlan(name, 0));
  while (inFlux.length > 0) {
    const now = check(inFlux);
    const next: string[] = [];
    for (const name of inFlux) {
      const before = new ErrorBag(strictErrors.get(name));
      const pre = preExistingBags.get(name)?.clone() ?? new ErrorBag();
      const errors = (now.get(name) ?? []).filter((e) => !pre.take(e));
      const added = errors.filter((e) => !before.take(e));
      const plan = PLANS[planOf.get(name)!].filter((f) => candidates.get(name)!.has(f.id));
      if (added.length === 0) {
        for (const fix of plan) {
          const was = strictErrors.get(name)!.filter((e) => fix.codes.has(e.code)).length;
          const gone = Math.max(0, was - errors.filter((e) => fix.codes.has(e.code)).length);
          const split = fix === PROPERTY_CHOSEN ? propertyChoices.get(name)! : { [fix.id]: gone };
          for (const [id, n] of Object.entries(split)) if (n > 0) fixed[id] = (fixed[id] ?? 0) + Math.min(n, gone);
          if (fix === INFER_FROM_USAGE) {
            explicitAny += candidates.get(name)!.get(fix.id)!.filter((c) => /^\s*:\s*any\s*$/.test(c.newText)).length;
          }
        }
        continue;
      }
      let index = planOf.get(name)! + 1;
      rolledBack.push({ file: name, fix: plan.map((f) => (f === PROPERTY_CHOSEN ? Object.keys(propertyChoices.get(name)!).join('+') : f.id)).join('+') });
      while (index < PLANS.length - 1 && !PLANS[index].some((f) => candidates.get(name)!.has(f.id))) index++;
      applyPlan(name, index);
      if (index < PLANS.length - 1) next.push(name);
    }
    inFlux = next;
  }

  // Check → suppress, until the program compiles or the rounds run out.
  const rounds = options.rounds ?? 3;
  const suppressed: TypeError[] = [];
  const unplaced: UnplacedError[] = [];
  let preExisting: TypeError[] = [];
  let outside: TypeError[] = [];
  let remaining: TypeError[] = [];
  for (let round = 0; ; round++) {
    const now = check();
    preExisting = [];
    outside = [];
    const todo = new Map<string, TypeError[]>();
    const stale = new Map<string, number[]>();
    const stuck: TypeError[] = [];
    for (const [name, errors] of now) {
      const pre = preExistingBags.get(name)?.clone() ?? new ErrorBag();
      for (const e of errors) {
        if (skipped.has(name) || pre.take(e)) preExisting.push(e);
        else if (!editable(name)) outside.push(e);
        else if (e.code === 2578 && lineText(project, name, e.line).includes(STRICT_SUPPRESSION_TAG)) stale.set(name, [...(stale.get(name) ?? []), e.line]);
        else if (unplaced.some((u) => u.file === name && u.line === e.line && u.code === e.code)) stuck.push(e);
        else todo.set(name, [...(todo.get(name) ?? []), e]);
      }
    }
    if ((todo.size === 0 && stale.size === 0) || round === rounds) {
      remaining = [...stuck, ...[...todo.values()].flat()];
      break;
    }
    for (const [name, lines] of stale) removeLines(sourceFile(name), lines);
    for (const [name, errors] of todo) {
      if (stale.has(name)) continue; // lines moved; the next round places these
      const result = suppressErrors(sourceFile(name), errors);
      suppressed.push(...result.placed);
      unplaced.push(...result.unplaced);
    }
  }

  const changed = new Map<string, string>();
  for (const [name, text] of originals) {
    const now = project.getSourceFileOrThrow(name).getFullText();
    if (now !== text) changed.set(name, now);
  }
  return {
    strictErrors: [...strictErrors.values()].flat(),
    fixed,
    explicitAny,
    rolledBack,
    suppressed: suppressed.filter((s) => !remaining.some((r) => r.file === s.file && errorKey(r) === errorKey(s))),
    preExisting,
    outside,
    unplaced,
    remaining,
    skipped: [...skipped],
    changed,
  };
}

function combinedFix(ls: ts.LanguageService, fileName: string, fixId: string): ts.TextChange[] {
  try {
    const { changes } = ls.getCombinedCodeFix({ type: 'file', fileName }, fixId, FORMAT, PREFERENCES);
    return changes.filter((c) => c.fileName === fileName).flatMap((c) => c.textChanges);
  } catch {
    return []; // a code fix that throws on this file is one we cannot use here
  }
}

/**
 * The language service's own fix for each uninitialised property (TS2564), chosen per property:
 * `addMissingPropertyUndefinedType` unless the file dereferences `this.<name>` (`.`, `[`, a call),
 * where `| undefined` would only move the error, then `addMissingPropertyDefiniteAssignmentAssertions`.
 * Both fixes are computed once for the whole file and their edits split by property.
 */
function choosePropertyFixes(
  ls: ts.LanguageService,
  text: string,
  fileName: string,
  errors: TypeError[],
): { changes: ts.TextChange[]; counts: Record<string, number>; definite: ts.TextChange[] } {
  const undefinedType = combinedFix(ls, fileName, 'addMissingPropertyUndefinedType');
  const definite = combinedFix(ls, fileName, PROPERTY_DEFINITE.id);
  const starts = errors.map((e) => e.start).sort((a, b) => a - b);
  // The definite fix rewrites the whole declaration (its span holds the name); `| undefined`
  // replaces the type annotation after the name.
  const owner = (change: ts.TextChange) =>
    starts.find((s) => change.span.start <= s && s < change.span.start + change.span.length) ?? [...starts].reverse().find((s) => s <= change.span.start);
  const changes: ts.TextChange[] = [];
  const counts: Record<string, number> = {};
  for (const e of errors) {
    const name = /^Property '([^']+)'/.exec(e.message)?.[1];
    if (!name) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const dereferenced = new RegExp(`\\bthis\\.${escaped}\\s*(\\.|\\[|\\()`).test(text);
    const id = dereferenced ? PROPERTY_DEFINITE.id : 'addMissingPropertyUndefinedType';
    const own = (dereferenced ? definite : undefinedType).filter((c) => owner(c) === e.start);
    if (own.length === 0) continue;
    changes.push(...own);
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return { changes, counts, definite };
}

/** A file's text with the changes applied (their spans are in that text); null when two overlap. */
function applyChanges(text: string, changes: ts.TextChange[]): string | null {
  const edits = new TextEdits();
  try {
    for (const c of changes) edits.replace(c.span.start, c.span.start + c.span.length, c.newText);
  } catch {
    return null;
  }
  return edits.applyTo(text);
}

function lineText(project: Project, name: string, line: number): string {
  return project.getSourceFileOrThrow(name).getFullText().split('\n')[line - 1] ?? '';
}

/** Removes this run's stale suppressions (TS2578: nothing left to suppress on the next line). */
function removeLines(sf: SourceFile, lines: number[]): void {
  const text = sf.getFullText().split('\n');
  for (const line of [...lines].sort((a, b) => b - a)) {
    const current = text[line - 1];
    const own = /^\s*(\/\/|\{\/\*)\s*@ts-expect-error plinto-ready\(strict\)/.test(current);
    if (own) text.splice(line - 1, 1);
  }
  sf.replaceWithText(text.join('\n'));
}

/**
 * The errors each file had before the flags went on, as a bag of code + message. A file whose new
 * errors all carry codes only the new flags can raise had none of them before, so only the other
 * files are checked again, in a second program that shares the first one's parsed files.
 */
function findPreExisting(
  project: Project,
  program: ts.Program,
  initial: Map<string, TypeError[]>,
  options: StrictMigrationOptions,
): Map<string, ErrorBag> {
  const flagOnly = new Set(options.flags.flatMap((f) => FLAG_ONLY_CODES[f] ?? []));
  const suspects = [...initial].filter(([, errors]) => errors.some((e) => !flagOnly.has(e.code))).map(([name]) => name);
  const bags = new Map<string, ErrorBag>();
  if (suspects.length === 0) return bags;
  const fs = project.getFileSystem();
  const libFile = program.getSourceFiles().find((sf) => program.isSourceFileDefaultLibrary(sf));
  const libDir = libFile ? dirname(libFile.fileName) : '/node_modules/typescript/lib';
  const host: ts.CompilerHost = {
    getSourceFile: (name, target) => program.getSourceFile(name) ?? (fs.fileExistsSync(name) ? ts.createSourceFile(name, fs.readFileSync(name), target) : undefined),
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
  const before = ts.createProgram({ rootNames: program.getRootFileNames(), options: options.before, host });
  for (const name of suspects) {
    const sf = before.getSourceFile(name);
    if (!sf) continue;
    const errors = [...before.getSyntacticDiagnostics(sf), ...before.getSemanticDiagnostics(sf)].map((d) => toTypeError(d, name));
    bags.set(name, new ErrorBag(errors));
  }
  return bags;
}
