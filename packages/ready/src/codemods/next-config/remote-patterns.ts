import type * as t from '@babel/types';
import { ParsedFile, parseWithBabel, quoteOf, textOf } from '../babel';
import { Codemod, CodemodReport, CodemodResult } from '../codemod';
import { TextEdits } from '../text-edits';

export interface RemoteHost {
  protocol: 'http' | 'https';
  hostname: string;
}

export interface NextConfigImages {
  /** The config object literal could be found and `images.remotePatterns` edited. */
  editable: boolean;
  /** Why it cannot be edited, when it cannot. */
  reason: string | null;
  /** Hostnames already allowed by remotePatterns or the deprecated images.domains. */
  allowedHosts: Set<string>;
  /** `images.domains` is set: deprecated since Next 14 in favour of remotePatterns. */
  usesDomains: boolean;
}

type Expression = t.Expression | t.SpreadElement | t.ArgumentPlaceholder | t.Declaration | null | undefined;

function unwrap(e: Expression): Expression {
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
function property(obj: t.ObjectExpression, name: string): Expression | null {
  const p = obj.properties.find(
    (x) =>
      x.type !== 'SpreadElement' &&
      !x.computed &&
      ((x.key.type === 'Identifier' && x.key.name === name) || (x.key.type === 'StringLiteral' && x.key.value === name)),
  );
  if (!p) return undefined;
  return p.type === 'ObjectProperty' && !p.shorthand ? (unwrap(p.value as t.Expression) ?? null) : null;
}

function stringsOf(e: Expression | null, key?: string): string[] {
  if (e?.type !== 'ArrayExpression') return [];
  return e.elements.flatMap((el) => {
    if (!key && el?.type === 'StringLiteral') return [el.value];
    if (key && el?.type === 'ObjectExpression') {
      const v = property(el, key);
      if (v?.type === 'StringLiteral') return [v.value];
    }
    return [];
  });
}

export function readNextConfigImages(parsed: ParsedFile): NextConfigImages {
  const config = findConfigObject(parsed);
  if (!config)
    return {
      editable: false,
      reason: 'no config object literal found behind module.exports / export default',
      allowedHosts: new Set(),
      usesDomains: false,
    };
  const images = property(config, 'images');
  if (images === null || (images && images.type !== 'ObjectExpression')) {
    return { editable: false, reason: '"images" is not an object literal', allowedHosts: new Set(), usesDomains: false };
  }
  const patterns = images ? property(images, 'remotePatterns') : undefined;
  const domains = images ? property(images, 'domains') : undefined;
  const allowedHosts = new Set([...stringsOf(patterns, 'hostname'), ...stringsOf(domains)].map((h) => h.toLowerCase()));
  const editablePatterns = patterns === undefined || patterns?.type === 'ArrayExpression';
  return {
    editable: editablePatterns,
    reason: editablePatterns ? null : '"images.remotePatterns" is not an array literal',
    allowedHosts,
    usesDomains: domains !== undefined,
  };
}

/** One level of indentation in what is added: a tab in a file indented with tabs, else two spaces (ts-morph's, and a typical Nx workspace's). */
const indentUnit = (text: string): string => (/^\t/m.test(text) ? '\t' : '  ');

/** The whitespace that starts the line `pos` is on. */
function lineIndent(text: string, pos: number): string {
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
function addProperty(edits: TextEdits, parsed: ParsedFile, obj: t.ObjectExpression, member: string): void {
  const close = obj.end! - 1;
  const { at, comma } = afterItems(parsed.text, obj, obj.properties[obj.properties.length - 1]);
  const indent = lineIndent(parsed.text, obj.start!);
  if (comma !== null) edits.insert(comma, ',');
  edits.replace(at, close, `\n${indent}${indentUnit(parsed.text)}${member}\n${indent}`);
}

/** Adds elements at the end of an array literal: on the same line, or each on a line of its own when the array is written so. */
function addElements(edits: TextEdits, parsed: ParsedFile, array: t.ArrayExpression, elements: string[]): void {
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

/** Adds each host not yet allowed to `images.remotePatterns`, keeping everything else of the config: the new text, or null. */
export function addRemotePatterns(parsed: ParsedFile, hosts: RemoteHost[]): { text: string; added: string[] } | null {
  const state = readNextConfigImages(parsed);
  const missing = hosts.filter((h) => !state.allowedHosts.has(h.hostname));
  if (missing.length === 0 || !state.editable) return null;
  const q = quoteOf(parsed);
  const patterns = missing.map((h) => `{ protocol: ${q}${h.protocol}${q}, hostname: ${q}${h.hostname}${q} }`);
  const config = findConfigObject(parsed)!;
  const images = property(config, 'images') as t.ObjectExpression | undefined;
  const edits = new TextEdits();
  if (images === undefined) {
    addProperty(edits, parsed, config, `images: { remotePatterns: [${patterns.join(', ')}] }`);
  } else {
    const existing = property(images, 'remotePatterns') as t.ArrayExpression | undefined;
    if (existing === undefined) addProperty(edits, parsed, images, `remotePatterns: [${patterns.join(', ')}]`);
    else addElements(edits, parsed, existing, patterns);
  }
  return { text: edits.applyTo(parsed.text), added: missing.map((h) => h.hostname) };
}

export interface RemotePatternsContext {
  /** Workspace-relative path of the next.config.* file. */
  file: string;
  /** Hosts of converted remote images, which the config must allow. */
  hosts: RemoteHost[];
}

function analyzeRemotePatterns(parsed: ParsedFile, context: RemotePatternsContext): CodemodReport {
  const state = readNextConfigImages(parsed);
  const missing = context.hosts.filter((h) => !state.allowedHosts.has(h.hostname));
  const report: CodemodReport = { changes: [], skips: [], warnings: [] };
  if (state.usesDomains)
    report.warnings.push({
      file: context.file,
      line: 1,
      reason: 'domains-deprecated',
      message: 'images.domains is deprecated; move its hosts to images.remotePatterns',
    });
  if (missing.length === 0) return report;
  if (!state.editable) {
    report.skips.push({ file: context.file, line: 1, reason: 'not-editable', message: state.reason ?? 'the config cannot be edited' });
    return report;
  }
  for (const h of missing)
    report.changes.push({ file: context.file, line: 1, kind: 'remote-pattern', message: `images.remotePatterns += ${h.hostname}` });
  return report;
}

/** next.config.*: allow the hosts of converted remote images in `images.remotePatterns`. */
export const remotePatternsCodemod: Codemod<RemotePatternsContext, CodemodResult, ParsedFile> = {
  name: 'next-config-remote-patterns',
  parse: parseWithBabel,
  prefilter: () => true,
  analyze: analyzeRemotePatterns,
  transform(parsed, context): CodemodResult {
    const report = analyzeRemotePatterns(parsed, context);
    const edit = addRemotePatterns(parsed, context.hosts);
    return edit ? { ...report, changed: true, text: edit.text } : { ...report, changed: false };
  },
};
