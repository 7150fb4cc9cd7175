import type * as t from '@babel/types';
import { ParsedFile, textOf } from '../babel';
import { TextEdits } from '../text-edits';

// The next.config.* object literal and the edits every next.config codemod makes to it.

export type Expression = t.Expression | t.SpreadElement | t.ArgumentPlaceholder | t.Declaration | null | undefined;

export function unwrap(e: Expression): Expression {
  let cur = e;
  while (cur && (cur.type === 'TSAsExpression' || cur.type === 'TSSatisfiesExpression' || cur.type === 'TSTypeAssertion')) {
    cur = cur.expression;
  }
  return cur;
}

/** The initializer of a top-level `const|let|var <name> = …` (exported or not). */
function topLevelInitializer(parsed: ParsedFile, name: string): t.Expression | null | undefined {
  for (const s of parsed.ast.program.body) {
    const declaration = s.type === 'ExportNamedDeclaration' ? s.declaration : s;
    if (declaration?.type !== 'VariableDeclaration') continue;
    const found = declaration.declarations.find((d) => d.id.type === 'Identifier' && d.id.name === name);
    if (found) return found.init;
  }
  return undefined;
}

/** The object literal behind an expression: itself, a variable's initializer, or an argument of a plugin wrapper. */
function objectBehind(parsed: ParsedFile, e: Expression, depth = 0): t.ObjectExpression | null {
  const x = unwrap(e);
  if (!x || depth > 5) return null;
  if (x.type === 'ObjectExpression') return x;
  // A config names its object at the top of the file: a syntactic lookup, no type checker.
  if (x.type === 'Identifier') return objectBehind(parsed, topLevelInitializer(parsed, x.name), depth + 1);
  if (x.type === 'CallExpression') {
    // composePlugins(withNx)(nextConfig), withBundleAnalyzer(nextConfig), …
    for (const arg of [...x.arguments].reverse()) {
      const found = objectBehind(parsed, arg, depth + 1);
      if (found) return found;
    }
    return x.callee.type === 'V8IntrinsicIdentifier' ? null : objectBehind(parsed, x.callee, depth + 1);
  }
  return null;
}

const DECLARATIONS = new Set(['FunctionDeclaration', 'ClassDeclaration', 'TSDeclareFunction', 'TSInterfaceDeclaration']);

/** The next.config.* object literal: what `module.exports =` or `export default` hands to Next. */
export function findConfigObject(parsed: ParsedFile): t.ObjectExpression | null {
  for (const s of parsed.ast.program.body) {
    if (s.type === 'ExportDefaultDeclaration' && !DECLARATIONS.has(s.declaration.type)) return objectBehind(parsed, s.declaration);
    if (s.type === 'TSExportAssignment') return objectBehind(parsed, s.expression);
    if (s.type === 'ExpressionStatement' && s.expression.type === 'AssignmentExpression' && s.expression.operator === '=') {
      if (textOf(parsed, s.expression.left) === 'module.exports') return objectBehind(parsed, s.expression.right);
    }
  }
  return null;
}

/** The value of `name: …` in an object literal: undefined when absent, null when not a plain property (shorthand, method, getter). */
export function property(obj: t.ObjectExpression, name: string): Expression | null {
  const p = obj.properties.find(
    (x) =>
      x.type !== 'SpreadElement' &&
      !x.computed &&
      ((x.key.type === 'Identifier' && x.key.name === name) || (x.key.type === 'StringLiteral' && x.key.value === name)),
  );
  if (!p) return undefined;
  return p.type === 'ObjectProperty' && !p.shorthand ? (unwrap(p.value as t.Expression) ?? null) : null;
}

/** One level of indentation in what is added: a tab in a file indented with tabs, else two spaces (ts-morph's, and a typical Nx workspace's). */
export const indentUnit = (text: string): string => (/^\t/m.test(text) ? '\t' : '  ');

/** The whitespace that starts the line `pos` is on. */
export function lineIndent(text: string, pos: number): string {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * After the last item of an object or array literal: past its trailing comma, if it has one, and
 * past the comments that follow. `comma` is where a missing comma goes (null when it has one, or
 * when there are no items).
 */
function afterItems(
  text: string,
  literal: t.ObjectExpression | t.ArrayExpression,
  last: t.Node | null | undefined,
): { at: number; comma: number | null } {
  const trailingComma = (literal.extra as { trailingComma?: number } | undefined)?.trailingComma;
  const at = trailingComma !== undefined ? trailingComma + 1 : last ? last.end! : literal.start! + 1;
  // Only whitespace and comments are left before the closing bracket: the new text goes after the comments.
  const rest = text.slice(at, literal.end! - 1).trimEnd();
  return { at: at + rest.length, comma: last && trailingComma === undefined ? last.end! : null };
}

/** Adds `name: value` as the last property of an object literal, on a line of its own. */
export function addProperty(edits: TextEdits, parsed: ParsedFile, obj: t.ObjectExpression, member: string): void {
  const close = obj.end! - 1;
  const { at, comma } = afterItems(parsed.text, obj, obj.properties[obj.properties.length - 1]);
  const indent = lineIndent(parsed.text, obj.start!);
  if (comma !== null) edits.insert(comma, ',');
  edits.replace(at, close, `\n${indent}${indentUnit(parsed.text)}${member}\n${indent}`);
}

/** Adds elements at the end of an array literal: on the same line, or each on a line of its own when the array is written so. */
export function addElements(edits: TextEdits, parsed: ParsedFile, array: t.ArrayExpression, elements: string[]): void {
  const close = array.end! - 1;
  const last = array.elements[array.elements.length - 1];
  const first = array.elements.find((e) => e) ?? null;
  const multiline = first !== null && parsed.text.slice(array.start!, first.start!).includes('\n');
  if (!multiline) {
    if (last) edits.insert(last.end!, `, ${elements.join(', ')}`);
    else edits.insert(array.start! + 1, elements.join(', '));
    return;
  }
  const { at, comma } = afterItems(parsed.text, array, last);
  const indent = lineIndent(parsed.text, array.start!);
  if (comma !== null) edits.insert(comma, ',');
  const unit = indentUnit(parsed.text);
  edits.replace(at, close, `${elements.map((e) => `\n${indent}${unit}${e}`).join(',')}\n${indent}`);
}
