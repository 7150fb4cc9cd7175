import { SourceFile, ts } from 'ts-morph';

/** Does the file have syntax errors (what the parser itself reports, no type checking)? */
export function hasSyntaxErrors(sourceFile: SourceFile): boolean {
  const diagnostics = (sourceFile.compilerNode as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics;
  return (diagnostics?.length ?? 0) > 0;
}
