import { posix } from 'node:path';
import { Node, SourceFile, SyntaxKind, ts } from 'ts-morph';

/**
 * Every identifier text in the file: a cheap, conservative answer to "is this name taken?". It walks
 * the compiler's tree directly: wrapping every identifier in a ts-morph node would cost more than
 * the whole codemod.
 */
export function namesInFile(sourceFile: SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile.compilerNode);
  return names;
}

export { freeName } from './names';

/** The local name of an existing default import of `moduleSpecifier`, if there is one. */
export function existingDefaultImport(sourceFile: SourceFile, moduleSpecifier: string): string | null {
  for (const d of sourceFile.getImportDeclarations()) {
    if (d.getModuleSpecifierValue() === moduleSpecifier && !d.isTypeOnly()) {
      const name = d.getDefaultImport()?.getText();
      if (name) return name;
    }
  }
  return null;
}

/** The quote the file's imports use (or its first string), so that added code reads like the rest. */
export function preferredQuote(sourceFile: SourceFile): "'" | '"' {
  return quoteIn(sourceFile.compilerNode);
}

/** `preferredQuote` of a plain parse (no ts-morph nodes). */
export function quoteIn(sf: ts.SourceFile): "'" | '"' {
  const firstImport = sf.statements.find(ts.isImportDeclaration);
  // JSX attributes take double quotes whatever the code style; they say nothing about it.
  const first = firstImport ? firstImport.moduleSpecifier : firstString(sf);
  return first?.getText(sf).startsWith('"') ? '"' : "'";
}

function firstString(sf: ts.SourceFile): ts.Node | undefined {
  const visit = (node: ts.Node, parent: ts.Node): ts.Node | undefined => {
    if (ts.isStringLiteral(node) && !ts.isJsxAttribute(parent)) return node;
    return ts.forEachChild(node, (child) => visit(child, node));
  };
  return ts.forEachChild(sf, (child) => visit(child, sf));
}

/**
 * Where import statements go and the text to insert there: after the file's last import; in a file
 * without imports, after its directive prologue ('use client' must stay first) or else before its
 * first statement, below any header comment. Several statements are inserted together, in order.
 */
export function importsInsertion(sourceFile: SourceFile, statements: string[]): { pos: number; text: string } {
  return importsInsertionIn(sourceFile.compilerNode, statements);
}

/** `importsInsertion` in a plain parse (no ts-morph nodes). */
export function importsInsertionIn(sf: ts.SourceFile, statements: string[]): { pos: number; text: string } {
  const all = sf.statements;
  const imports = all.filter(ts.isImportDeclaration);
  if (imports.length > 0) return { pos: imports[imports.length - 1].getEnd(), text: statements.map((s) => `\n${s}`).join('') };
  let directives = 0;
  while (directives < all.length && isDirectiveNode(all[directives])) directives++;
  if (directives > 0) return { pos: all[directives - 1].getEnd(), text: `\n\n${statements.join('\n')}` };
  if (all.length > 0) return { pos: all[0].getStart(sf), text: `${statements.join('\n')}\n\n` };
  return { pos: sf.getEnd(), text: `${statements.join('\n')}\n` };
}

/** `import <clause> from '<specifier>';` in the quote style of the file. */
export function importStatement(sourceFile: SourceFile, clause: string, moduleSpecifier: string): string {
  const q = preferredQuote(sourceFile);
  return `import ${clause} from ${q}${moduleSpecifier}${q};`;
}

/** Adds an import statement where `importsInsertion` says. */
export function addImportStatement(sourceFile: SourceFile, clause: string, moduleSpecifier: string): void {
  const { pos, text } = importsInsertion(sourceFile, [importStatement(sourceFile, clause, moduleSpecifier)]);
  sourceFile.insertText(pos, text);
}

function isDirective(node: Node): boolean {
  return isDirectiveNode(node.compilerNode);
}

function isDirectiveNode(node: ts.Node): boolean {
  return ts.isExpressionStatement(node) && ts.isStringLiteral(node.expression);
}

/** Does the file start with the `'use client'` directive? */
export function isClientFile(sourceFile: SourceFile): boolean {
  for (const s of sourceFile.getStatements()) {
    if (!isDirective(s)) return false;
    const e = (s as import('ts-morph').ExpressionStatement).getExpression();
    if (Node.isStringLiteral(e) && e.getLiteralValue() === 'use client') return true;
  }
  return false;
}

/**
 * A client module without the directive: it calls React hooks (`useState`, `useCopyToClipboard`,
 * `React.useEffect`; not React 19's `use`, which Server Components may call). Hooks cannot run in
 * a Server Component, so a file that calls them is only ever imported from client modules.
 */
export function callsHooks(sourceFile: SourceFile): boolean {
  if (!/\buse[A-Z]/.test(sourceFile.getFullText())) return false;
  return sourceFile
    .getDescendantsOfKind(SyntaxKind.CallExpression)
    .some((call) => /^(React\.)?use[A-Z]\w*$/.test(call.getExpression().getText()));
}

/** The workspace-relative file a relative import of `file` names, without its source extension: `./chart` → `apps/web/app/chart`. */
export function relativeImportTarget(file: string, specifier: string): string {
  return posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.(tsx?|jsx?)$/, '');
}
