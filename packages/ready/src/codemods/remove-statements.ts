import { ts } from 'ts-morph';
import { plainParse } from './parse';

/**
 * Removes top-level import declarations of a file's text, spaced exactly as ts-morph's `remove()` spaces
 * them (the codemods' fixtures were written against it), but on a plain parse: a ts-morph removal
 * re-parses the file and re-wraps every node it holds, which is most of what a small transform
 * costs. Statements go last to first, as a codemod removes them, each on the text the one after it
 * left. Returns null when comments sit around a statement to remove: ts-morph then reads the
 * comments as statements of their own and spaces around them, and the caller lets it do so.
 */
export function removeStatements(file: string, text: string, indexes: readonly number[]): string | null {
  for (const index of [...indexes].sort((a, b) => b - a)) {
    const next = removeStatement(file, text, index);
    if (next === null) return null;
    text = next;
  }
  return text;
}

function removeStatement(file: string, text: string, index: number): string | null {
  const sf = plainParse(file, text);
  const statements = sf.statements;
  const node = statements[index];
  // Other statements have removals of their own in ts-morph (an overload goes with its spaces).
  if (!ts.isImportDeclaration(node)) return null;
  const prev: ts.Statement | undefined = statements[index - 1];
  const next: ts.Statement | undefined = statements[index + 1];
  // Only whitespace between the previous statement, this one and the next (or the file's end).
  const until = next ? next.getStart(sf) : text.length;
  if (!blank(text, node.pos, node.getStart(sf)) || !blank(text, node.end, until)) return null;
  if ([prev, next].some((s) => s && ts.isModuleDeclaration(s))) return null;

  const trailingEnd = (s: ts.Node) => nextPos(text, s.end, (c) => c !== ' ' && c !== '\t');
  let start: number;
  if (prev) {
    const end = trailingEnd(prev);
    start = newlineAt(text, end) ? end : prev.end;
  } else {
    start = node.getStart(sf);
  }
  let end: number;
  if (prev && next) {
    end = lineStartOrAfterCode(text, next.getStart(sf));
  } else if (node.end === text.length) {
    end = node.end;
  } else {
    const triviaEnd = trailingEnd(node);
    if (newlineAt(text, triviaEnd)) {
      const nextLine = nextNonBlankLine(text, triviaEnd);
      end = !prev && node.pos === 0 ? nextLine : endOfPreviousLine(text, nextLine);
    } else {
      end = prev ? node.end : triviaEnd;
    }
  }
  const spacing = prev && next ? (hasBody(prev) || hasBody(next) ? '\n\n' : '\n') : '';
  return text.slice(0, start) + spacing + text.slice(end);
}

/** ts-morph spaces statements with a body (functions, classes, interfaces, enums) by a blank line. */
function hasBody(node: ts.Statement): boolean {
  if (ts.isFunctionDeclaration(node)) return node.body !== undefined;
  return ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node);
}

const blank = (text: string, from: number, to: number) => /^\s*$/.test(text.slice(from, to));

const newlineAt = (text: string, pos: number) => text[pos] === '\n' || (text[pos] === '\r' && text[pos + 1] === '\n');

function nextPos(text: string, pos: number, stop: (c: string) => boolean): number {
  while (pos < text.length && !stop(text[pos])) pos++;
  return pos;
}

/** The start of `pos`'s line when only spaces precede it there, else just after the code before it. */
function lineStartOrAfterCode(text: string, pos: number): number {
  while (pos > 0) {
    pos--;
    if (text[pos] !== ' ' && text[pos] !== '\t') return pos + 1;
  }
  return pos;
}

/** Past the blank lines from `pos` on: the start of the next line with anything on it. */
function nextNonBlankLine(text: string, pos: number): number {
  let found = pos;
  for (let i = pos; i < text.length; i++) {
    if (text[i] === ' ' || text[i] === '\t') continue;
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) {
      if (text[i] === '\r') i++;
      found = i + 1;
      continue;
    }
    return found;
  }
  return found;
}

/** The position of the line break that ends the line before `pos`. */
function endOfPreviousLine(text: string, pos: number): number {
  while (pos > 0) {
    pos--;
    if (text[pos] === '\n') return text[pos - 1] === '\r' ? pos - 1 : pos;
  }
  return pos;
}
