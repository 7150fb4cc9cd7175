import { SourceFile, ts } from 'ts-morph';
import { TsError } from './diagnostics';

import { STRICT_SUPPRESSION_TAG } from './tag';

export { STRICT_SUPPRESSION_TAG };

export interface UnplacedError extends TsError {
  reason: string;
}

/** `// @ts-expect-error plinto-ready(strict) TS<code>: <short message>` (without the comment syntax). */
export function suppressionText(errors: TsError[]): string {
  const [first] = errors;
  let message = first.message.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
  if (message.length > 90) message = `${message.slice(0, 89).trimEnd()}…`;
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
  return `@ts-expect-error ${STRICT_SUPPRESSION_TAG} TS${first.code}: ${message}${more}`;
}

type Placement =
  | { kind: 'line'; comment: 'line' | 'jsx' }
  | { kind: 'inside'; open: number; /** Blanks after `open` the break replaces. */ blanks?: number }
  | { kind: 'none'; reason: string };

/**
 * Puts one tagged `@ts-expect-error` above each line that has errors, in the comment form that
 * line's position allows: `//` in code (also between JSX attributes and inside multi-line
 * expressions), `{/* … *\/}` among JSX children, and, when the line starts inside a template
 * literal or inside JSX text, a line break right after the `${` or `{` that holds the error, so the
 * string or the rendered text does not change. Lines where no form is safe are returned, untouched.
 */
export function suppressErrors(sourceFile: SourceFile, errors: TsError[]): { placed: TsError[]; unplaced: UnplacedError[] } {
  const sf = sourceFile.compilerNode;
  const text = sf.text;
  const byLine = new Map<number, TsError[]>();
  for (const e of [...errors].sort((a, b) => a.start - b.start)) {
    const line = sf.getLineAndCharacterOfPosition(e.start).line;
    byLine.set(line, [...(byLine.get(line) ?? []), e]);
  }
  const changes: ts.TextChange[] = [];
  const placed: TsError[] = [];
  const unplaced: UnplacedError[] = [];
  for (const [line, lineErrors] of byLine) {
    const lineStart = sf.getPositionOfLineAndCharacter(line, 0);
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const first = lineStart + indent.length;
    const placement = placementFor(sf, first, lineErrors[0].start);
    const comment = suppressionText(lineErrors);
    if (placement.kind === 'none') {
      unplaced.push(...lineErrors.map((e) => ({ ...e, reason: placement.reason })));
      continue;
    }
    if (placement.kind === 'line') {
      const newText = placement.comment === 'jsx' ? `${indent}{/* ${comment} */}\n` : `${indent}// ${comment}\n`;
      // Above an eslint-disable-next-line directive, not between it and its line (it would stop
      // applying); TypeScript looks past `//` comment lines for the line a directive covers.
      const at = placement.comment === 'jsx' ? lineStart : aboveLineDirectives(sf, line);
      changes.push({ span: { start: at, length: 0 }, newText });
    } else {
      const inner = `${indent}  `;
      changes.push({ span: { start: placement.open, length: placement.blanks ?? 0 }, newText: `\n${inner}// ${comment}\n${inner}` });
    }
    placed.push(...lineErrors);
  }
  if (changes.length > 0) sourceFile.applyTextChanges(changes);
  return { placed, unplaced };
}

/** The start of the `// eslint-disable-next-line` lines right above `line` (0-based), or of `line` itself. */
function aboveLineDirectives(sf: ts.SourceFile, line: number): number {
  let top = line;
  while (top > 0) {
    const start = sf.getPositionOfLineAndCharacter(top - 1, 0);
    const end = sf.getPositionOfLineAndCharacter(top, 0);
    if (!/^\s*\/\/\s*eslint-disable-next-line\b/.test(sf.text.slice(start, end))) break;
    top--;
  }
  return sf.getPositionOfLineAndCharacter(top, 0);
}

/** Which comment form is safe above the line whose first non-blank character is at `first`. */
function placementFor(sf: ts.SourceFile, first: number, errorStart: number): Placement {
  const chain = ancestorsAt(sf, first);
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    const child = chain[i + 1];
    const inside = first > node.getStart(sf);
    if (ts.isJsxExpression(node) && inside) return { kind: 'line', comment: 'line' };
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxAttributes(node)) && inside) {
      return { kind: 'line', comment: 'line' };
    }
    if (ts.isTemplateSpan(node) && child === node.expression) return { kind: 'line', comment: 'line' };
    if (ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateSpan(node)) {
      if (inside) return insideExpression(sf, errorStart, 'a template literal');
    }
    if ((ts.isStringLiteral(node) || ts.isRegularExpressionLiteral(node)) && inside) {
      return (
        afterOperator(sf, errorStart) ?? { kind: 'none', reason: 'the line starts inside a multi-line string; no comment can go above it' }
      );
    }
    if (ts.isJsxText(node)) {
      // Text that carries on from the line above would render differently if split.
      const before = sf.text.slice(node.pos, first);
      if (/\S/.test(before)) return insideExpression(sf, errorStart, 'JSX text');
      continue;
    }
    if (ts.isJsxElement(node) || ts.isJsxFragment(node)) {
      const open = ts.isJsxElement(node) ? node.openingElement : node.openingFragment;
      const close = ts.isJsxElement(node) ? node.closingElement : node.closingFragment;
      if (first >= open.end && first < close.getStart(sf)) return { kind: 'line', comment: 'jsx' };
    }
  }
  return { kind: 'line', comment: 'line' };
}

/** Break the line after the `${` or `{` whose expression holds the error, on the error's own line. */
function insideExpression(sf: ts.SourceFile, errorStart: number, where: string): Placement {
  const chain = ancestorsAt(sf, errorStart);
  const errorLine = sf.getLineAndCharacterOfPosition(errorStart).line;
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    const holder = ts.isTemplateSpan(node) ? node.expression : ts.isJsxExpression(node) ? node.expression : undefined;
    if (!holder) continue;
    const open = ts.isTemplateSpan(node) ? node.pos : node.getStart(sf) + 1;
    if (sf.getLineAndCharacterOfPosition(open).line === errorLine && holder.getStart(sf) <= errorStart) return { kind: 'inside', open };
  }
  return (
    afterOperator(sf, errorStart) ?? {
      kind: 'none',
      reason: `the line starts inside ${where} and the error is not in a \${…} or {…} of that line`,
    }
  );
}

/** Tokens after which a line break changes nothing (no automatic semicolon can follow them). */
const BREAKABLE = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.CommaToken,
  ts.SyntaxKind.OpenParenToken,
  ts.SyntaxKind.OpenBracketToken,
  ts.SyntaxKind.OpenBraceToken,
  ts.SyntaxKind.QuestionToken,
  ts.SyntaxKind.ColonToken,
  ts.SyntaxKind.EqualsGreaterThanToken,
]);

/**
 * When the line starts inside a string the comment cannot go above, the error's line can still be
 * broken after an operator (or comma, or opening bracket) that stands before the error on that
 * line, outside any string: the comment then sits on a line of its own above the error.
 */
function afterOperator(sf: ts.SourceFile, errorStart: number): Placement | null {
  const errorLine = sf.getLineAndCharacterOfPosition(errorStart).line;
  const lineStart = sf.getPositionOfLineAndCharacter(errorLine, 0);
  let found: ts.Node | null = null;
  const visit = (node: ts.Node): void => {
    if (node.end <= lineStart || node.getStart(sf) >= errorStart) return;
    const children = node.getChildren(sf);
    if (children.length === 0) {
      // Not the `=` of a JSX attribute: only whitespace may stand between it and the value.
      const jsxEquals = node.kind === ts.SyntaxKind.EqualsToken && ts.isJsxAttribute(node.parent);
      if (BREAKABLE.has(node.kind) && !jsxEquals && node.getStart(sf) >= lineStart && node.end <= errorStart) found = node;
      return;
    }
    children.forEach(visit);
  };
  visit(sf);
  const token = found as ts.Node | null;
  return token ? { kind: 'inside', open: token.end, blanks: /^[ \t]*/.exec(sf.text.slice(token.end))![0].length } : null;
}

/** The nodes and tokens that contain `pos`, outermost first (JSX text included, leading trivia excluded). */
function ancestorsAt(sf: ts.SourceFile, pos: number): ts.Node[] {
  const chain: ts.Node[] = [sf];
  let node: ts.Node = sf;
  for (;;) {
    const next = node.getChildren(sf).find((c) => c.getStart(sf) <= pos && pos < c.end);
    if (!next) return chain;
    chain.push(next);
    node = next;
  }
}
