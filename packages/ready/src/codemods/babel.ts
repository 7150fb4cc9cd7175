import { ParserPlugin, parse } from '@babel/parser';
import type * as t from '@babel/types';

/**
 * A file parsed by @babel/parser, for codemods that edit text at positions of one tree and need
 * neither ts-morph's manipulation nor TypeScript's checker (next-image, the next.config edit).
 * Loading @babel/parser costs ~15 ms; TypeScript through ts-morph, ~250 ms before the first parse.
 */
export interface ParsedFile {
  /** Workspace-relative path: its extension decides the syntax (TypeScript, JSX). */
  file: string;
  text: string;
  ast: t.File;
}

export type BabelNode = t.Node;

/** The syntax of a file by its extension, as TypeScript reads it: .ts without JSX, .tsx/.js/.jsx/.mjs/.cjs with. */
function pluginsFor(file: string): ParserPlugin[] {
  if (/\.[cm]?ts$/.test(file)) return ['typescript', 'decorators-legacy'];
  if (/\.tsx$/.test(file)) return ['typescript', 'jsx', 'decorators-legacy'];
  return ['jsx', 'decorators-legacy'];
}

/**
 * The file's tree, or null when the text has a syntax error, including those Babel could recover
 * from: a codemod edits only a file that parses cleanly, and only hands back text that does.
 */
export function parseWithBabel(file: string, text: string): ParsedFile | null {
  try {
    const ast = parse(text, { sourceType: 'module', plugins: pluginsFor(file), errorRecovery: true, attachComment: false });
    return (ast.errors?.length ?? 0) > 0 ? null : { file, text, ast };
  } catch {
    return null;
  }
}

/** Keys of a Babel node that hold no child nodes. */
const NOT_CHILDREN = new Set([
  'loc',
  'start',
  'end',
  'range',
  'extra',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'comments',
  'errors',
  'tokens',
]);

const isNode = (v: unknown): v is BabelNode => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';

/** The child nodes of a Babel node, in source order. */
export function childrenOf(node: BabelNode): BabelNode[] {
  const out: BabelNode[] = [];
  for (const key of Object.keys(node)) {
    if (NOT_CHILDREN.has(key)) continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const x of v) if (isNode(x)) out.push(x);
    } else if (isNode(v)) {
      out.push(v);
    }
  }
  // Babel's keys are not always in source order (a program's directives come after its body).
  return out.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

/**
 * Visits every node under `root` in source order with its ancestors (nearest last). `visit`
 * returning false skips the node's children.
 */
export function walk(root: BabelNode, visit: (node: BabelNode, ancestors: readonly BabelNode[]) => boolean | void): void {
  const ancestors: BabelNode[] = [];
  const go = (node: BabelNode): void => {
    if (visit(node, ancestors) === false) return;
    ancestors.push(node);
    for (const child of childrenOf(node)) go(child);
    ancestors.pop();
  };
  go(root);
}

/** The source text of a node. */
export const textOf = (parsed: ParsedFile, node: BabelNode): string => parsed.text.slice(node.start!, node.end!);

/** The text of a JSX tag name: `img`, `motion.div`, `svg:rect`. */
export function jsxTagName(parsed: ParsedFile, element: t.JSXOpeningElement | t.JSXClosingElement): string {
  return textOf(parsed, element.name);
}

/** Every identifier text in the file (JSX names included): a cheap, conservative "is this name taken?". */
export function namesIn(parsed: ParsedFile): Set<string> {
  const names = new Set<string>();
  walk(parsed.ast.program, (node, ancestors) => {
    if (node.type === 'Identifier' || node.type === 'JSXIdentifier') {
      // `#name` is not the name `name`.
      if (ancestors[ancestors.length - 1]?.type !== 'PrivateName') names.add(node.name);
    }
  });
  return names;
}

const importsOf = (parsed: ParsedFile): t.ImportDeclaration[] =>
  parsed.ast.program.body.filter((s): s is t.ImportDeclaration => s.type === 'ImportDeclaration');

/** The module specifiers of the file's import declarations, in order. */
export const importSpecifiers = (parsed: ParsedFile): string[] => importsOf(parsed).map((d) => d.source.value);

/** The module a name is the default import of, or null. */
export function defaultImportModule(parsed: ParsedFile, name: string): string | null {
  for (const d of importsOf(parsed)) {
    if (d.specifiers.some((s) => s.type === 'ImportDefaultSpecifier' && s.local.name === name)) return d.source.value;
  }
  return null;
}

/** The local name of an existing (value) default import of `moduleSpecifier`, if there is one. */
export function existingDefaultImportIn(parsed: ParsedFile, moduleSpecifier: string): string | null {
  for (const d of importsOf(parsed)) {
    if (d.source.value !== moduleSpecifier || d.importKind === 'type') continue;
    const name = d.specifiers.find((s) => s.type === 'ImportDefaultSpecifier')?.local.name;
    if (name) return name;
  }
  return null;
}

/** The quote the file's imports use (or its first string outside JSX attributes), so that added code reads like the rest. */
export function quoteOf(parsed: ParsedFile): "'" | '"' {
  const first = importsOf(parsed)[0]?.source ?? firstString(parsed);
  return first && parsed.text[first.start!] === '"' ? '"' : "'";
}

function firstString(parsed: ParsedFile): BabelNode | undefined {
  let found: BabelNode | undefined;
  walk(parsed.ast.program, (node, ancestors) => {
    if (found) return false;
    // JSX attributes take double quotes whatever the code style; they say nothing about it.
    if ((node.type === 'StringLiteral' || node.type === 'DirectiveLiteral') && ancestors[ancestors.length - 1]?.type !== 'JSXAttribute') {
      found = node;
    }
  });
  return found;
}

/** `import <clause> from '<specifier>';` in the quote style of the file. */
export function importStatementIn(parsed: ParsedFile, clause: string, moduleSpecifier: string): string {
  const q = quoteOf(parsed);
  return `import ${clause} from ${q}${moduleSpecifier}${q};`;
}

/**
 * Where import statements go and the text to insert there: after the file's last import; in a file
 * without imports, after its directive prologue ('use client' must stay first) or else before its
 * first statement, below any header comment. Several statements are inserted together, in order.
 */
export function importsInsertionAt(parsed: ParsedFile, statements: string[]): { pos: number; text: string } {
  const { body, directives } = parsed.ast.program;
  const imports = importsOf(parsed);
  if (imports.length > 0) return { pos: imports[imports.length - 1].end!, text: statements.map((s) => `\n${s}`).join('') };
  if (directives.length > 0) return { pos: directives[directives.length - 1].end!, text: `\n\n${statements.join('\n')}` };
  if (body.length > 0) return { pos: body[0].start!, text: `${statements.join('\n')}\n\n` };
  return { pos: parsed.text.length, text: `${statements.join('\n')}\n` };
}
