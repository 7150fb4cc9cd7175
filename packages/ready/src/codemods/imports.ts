import { Node, SourceFile, SyntaxKind } from 'ts-morph';

/** Every identifier text in the file: a cheap, conservative answer to "is this name taken?". */
export function namesInFile(sourceFile: SourceFile): Set<string> {
  return new Set(sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()));
}

/** `base`, or `base2`, `base3`, … : the first that no identifier of the file uses. */
export function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

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
  // JSX attributes take double quotes whatever the code style; they say nothing about it.
  const first =
    sourceFile.getImportDeclarations()[0]?.getModuleSpecifier() ??
    sourceFile.getDescendantsOfKind(SyntaxKind.StringLiteral).find((s) => !Node.isJsxAttribute(s.getParent()));
  return first?.getText().startsWith('"') ? '"' : "'";
}

/**
 * Adds an import statement after the file's last import; in a file without imports, after its
 * directive prologue ('use client' must stay first) or else before its first statement, below any
 * header comment.
 */
export function addImportStatement(sourceFile: SourceFile, clause: string, moduleSpecifier: string): void {
  const q = preferredQuote(sourceFile);
  const statement = `import ${clause} from ${q}${moduleSpecifier}${q};`;
  const imports = sourceFile.getImportDeclarations();
  if (imports.length > 0) {
    sourceFile.insertText(imports[imports.length - 1].getEnd(), `\n${statement}`);
    return;
  }
  const statements = sourceFile.getStatements();
  const directives = statements.filter((s, i) => statements.slice(0, i + 1).every(isDirective));
  if (directives.length > 0) {
    sourceFile.insertText(directives[directives.length - 1].getEnd(), `\n\n${statement}`);
  } else if (statements.length > 0) {
    sourceFile.insertText(statements[0].getStart(), `${statement}\n\n`);
  } else {
    sourceFile.insertText(sourceFile.getEnd(), `${statement}\n`);
  }
}

/** Adds `import name from 'specifier'` (see addImportStatement for where). */
export function addDefaultImport(sourceFile: SourceFile, name: string, moduleSpecifier: string): void {
  addImportStatement(sourceFile, name, moduleSpecifier);
}

function isDirective(node: Node): boolean {
  return Node.isExpressionStatement(node) && Node.isStringLiteral(node.getExpression());
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
