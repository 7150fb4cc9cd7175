import { escapeRegExp } from '../../../utils/regexp';
import { ts } from 'ts-morph';
import { TextEdits } from '../../text-edits';
import { ErrorBag, FLAG_ONLY_CODES, TsError } from '../diagnostics';
import { StrictSession } from '../session';

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
 * the fallback for every property of the file. Only fixes that change types, never what runs, are
 * used: `fixImplicitThis` turns functions into arrow functions, which changes what `this` is.
 */
const PLANS: CodeFix[][] = [[INFER_FROM_USAGE, PROPERTY_CHOSEN], [INFER_FROM_USAGE, PROPERTY_DEFINITE], [PROPERTY_DEFINITE], []];

const FORMAT: ts.FormatCodeSettings = { ...ts.getDefaultFormatCodeSettings('\n'), indentSize: 2, tabSize: 2, convertTabsToSpaces: true };
const PREFERENCES: ts.UserPreferences = { quotePreference: 'auto', importModuleSpecifierPreference: 'shortest' };

export interface CodeFixOutcome {
  /** Errors that code fixes removed, by fix name. */
  fixed: Record<string, number>;
  /** Parameters and members `inferFromUsage` could only annotate as `any` (no usage to infer from). */
  explicitAny: number;
  /** Fixes tried on a file and rolled back because they added an error. */
  rolledBack: Array<{ file: string; fix: string }>;
}

/** A file's candidate edits by fix id, and how the per-property choice split its properties. */
interface FileFixes {
  changes: Map<string, ts.TextChange[]>;
  propertyChoices: Record<string, number>;
}

/**
 * Stage 2. The language service's own code fixes: every file's candidate edits computed on one
 * snapshot, then the best plan applied per file, verified, and rolled back to the next plan when it
 * adds an error the file did not have.
 */
export function applyCodeFixes(
  session: StrictSession,
  strictErrors: Map<string, TsError[]>,
  preExisting: Map<string, ErrorBag>,
): CodeFixOutcome {
  const outcome: CodeFixOutcome = { fixed: {}, explicitAny: 0, rolledBack: [] };
  const candidates = new Map<string, FileFixes>();
  for (const [name, errors] of strictErrors) {
    if (!session.editable(name)) continue;
    const fixes = candidateFixes(session, name, errors);
    if (fixes.changes.size > 0) candidates.set(name, fixes);
  }
  const planOf = new Map<string, number>();
  const usable = (name: string, index: number) => PLANS[index].filter((fix) => candidates.get(name)!.changes.has(fix.id));
  const applyPlan = (name: string, index: number): boolean => {
    const chosen = usable(name, index);
    const sf = session.sourceFile(name);
    const original = session.original(name);
    const text =
      applyChanges(
        original,
        chosen.flatMap((fix) => candidates.get(name)!.changes.get(fix.id)!),
      ) ?? original;
    if (text !== sf.getFullText()) sf.replaceWithText(text);
    planOf.set(name, index);
    return chosen.length > 0;
  };
  /** Errors of the file now that it did not have when the flags went on (pre-existing ones aside). */
  const addedErrors = (name: string, now: Map<string, TsError[]>): TsError[] => {
    const before = new ErrorBag(strictErrors.get(name));
    const pre = preExisting.get(name)?.clone() ?? new ErrorBag();
    return (now.get(name) ?? []).filter((e) => !pre.take(e)).filter((e) => !before.take(e));
  };
  /** Moves a file to its next plan (the last one applies nothing); false when nothing is left to try. */
  const rollBack = (name: string, to?: number): boolean => {
    const plan = usable(name, planOf.get(name)!);
    if (plan.length === 0) return false;
    const choices = candidates.get(name)!.propertyChoices;
    outcome.rolledBack.push({
      file: name,
      fix: plan.map((f) => (f === PROPERTY_CHOSEN ? Object.keys(choices).join('+') : f.id)).join('+'),
    });
    let index = to ?? planOf.get(name)! + 1;
    while (index < PLANS.length - 1 && usable(name, index).length === 0) index++;
    applyPlan(name, index);
    return index < PLANS.length - 1;
  };
  /** Verifies the files, rolling each back plan by plan until it adds no error of its own. */
  const settle = (files: string[]): void => {
    let inFlux = files;
    while (inFlux.length > 0) {
      const now = session.check(inFlux);
      inFlux = inFlux.filter((name) => addedErrors(name, now).length > 0 && rollBack(name));
    }
  };
  settle([...candidates.keys()].filter((name) => applyPlan(name, 0)));
  // A fix can also move errors into files it did not touch: `| undefined` on a property another
  // file dereferences, a parameter type another file calls differently. Those fixes are rolled
  // back too: first the per-property choice, then, if errors still spill over, every fix.
  const untouched = session.names.filter((name) => !candidates.has(name));
  const spills = () => {
    const now = session.check(untouched);
    return untouched.some((name) => addedErrors(name, now).length > 0);
  };
  if (candidates.size > 0 && untouched.length > 0 && spills()) {
    const chosen = [...candidates.keys()].filter((name) => usable(name, planOf.get(name)!).includes(PROPERTY_CHOSEN));
    settle(chosen.filter((name) => rollBack(name)));
    if (spills()) for (const name of candidates.keys()) rollBack(name, PLANS.length - 1);
  }
  const final = session.check([...candidates.keys()]);
  for (const [name, fixes] of candidates) {
    const pre = preExisting.get(name)?.clone() ?? new ErrorBag();
    const errors = (final.get(name) ?? []).filter((e) => !pre.take(e));
    countFixed(outcome, usable(name, planOf.get(name)!), strictErrors.get(name)!, errors, fixes);
  }
  return outcome;
}

function candidateFixes(session: StrictSession, name: string, errors: TsError[]): FileFixes {
  const fixes: FileFixes = { changes: new Map(), propertyChoices: {} };
  if (errors.some((e) => INFER_FROM_USAGE.codes.has(e.code))) {
    const found = combinedFix(session.ls, name, INFER_FROM_USAGE.id).filter(personWouldWrite);
    if (found.length > 0) fixes.changes.set(INFER_FROM_USAGE.id, found);
  }
  const uninitialised = errors.filter((e) => e.code === 2564);
  if (uninitialised.length > 0) {
    const chosen = choosePropertyFixes(session.ls, session.project.getSourceFileOrThrow(name).getFullText(), name, uninitialised);
    if (chosen.changes.length > 0) {
      fixes.changes.set(PROPERTY_CHOSEN.id, chosen.changes);
      fixes.propertyChoices = chosen.counts;
    }
    if (chosen.definite.length > 0) fixes.changes.set(PROPERTY_DEFINITE.id, chosen.definite);
  }
  return fixes;
}

/** Credits each fix of a plan that held with the errors of its codes that are gone. */
function countFixed(outcome: CodeFixOutcome, plan: CodeFix[], was: TsError[], now: TsError[], fixes: FileFixes): void {
  for (const fix of plan) {
    const gone = Math.max(0, was.filter((e) => fix.codes.has(e.code)).length - now.filter((e) => fix.codes.has(e.code)).length);
    const split = fix === PROPERTY_CHOSEN ? fixes.propertyChoices : { [fix.id]: gone };
    for (const [id, n] of Object.entries(split)) if (n > 0) outcome.fixed[id] = (outcome.fixed[id] ?? 0) + Math.min(n, gone);
    if (fix === INFER_FROM_USAGE) outcome.explicitAny += fixes.changes.get(fix.id)!.filter((c) => /^\s*:\s*any\s*$/.test(c.newText)).length;
  }
}

/** Longest inferred annotation kept; a longer one is a structural type nobody would maintain. */
const MAX_INFERRED_TYPE = 80;

/**
 * Is this edit of inferFromUsage one a person would keep? Not a new import (it would pull a Node
 * built-in such as "url" into client code), not a type predicate on a plain callback (`value is
 * string` changes what callers may pass), not a structural type longer than a line's worth. What
 * it drops is suppressed instead, honestly; an annotation left without its import is caught by the
 * verification and rolled back.
 */
function personWouldWrite(change: ts.TextChange): boolean {
  const text = change.newText.replace(/\s+/g, ' ').trim();
  if (/^import\b|\bimport\(/.test(text)) return false;
  if (/^:\s*[\w$]+\s+is\s/.test(text) || /\)\s*:\s*[\w$]+\s+is\s/.test(text)) return false;
  return text.length <= MAX_INFERRED_TYPE;
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
  errors: TsError[],
): { changes: ts.TextChange[]; counts: Record<string, number>; definite: ts.TextChange[] } {
  const undefinedType = combinedFix(ls, fileName, 'addMissingPropertyUndefinedType');
  const definite = combinedFix(ls, fileName, PROPERTY_DEFINITE.id);
  const starts = errors.map((e) => e.start).sort((a, b) => a - b);
  // The definite fix rewrites the whole declaration (its span holds the name); `| undefined`
  // replaces the type annotation after the name.
  const owner = (change: ts.TextChange) =>
    starts.find((s) => change.span.start <= s && s < change.span.start + change.span.length) ??
    [...starts].reverse().find((s) => s <= change.span.start);
  const changes: ts.TextChange[] = [];
  const counts: Record<string, number> = {};
  for (const e of errors) {
    const name = /^Property '([^']+)'/.exec(e.message)?.[1];
    if (!name) continue;
    const escaped = escapeRegExp(name);
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
