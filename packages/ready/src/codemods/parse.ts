import { parseDiagnosticsOf } from '../utils/parse-diagnostics';
import { Node, SourceFile, ts } from 'ts-morph';

/** Does the file have syntax errors (what the parser itself reports, no type checking)? */
export function hasSyntaxErrors(sourceFile: SourceFile): boolean {
  return parseDiagnosticsOf(sourceFile.compilerNode).length > 0;
}

/** The compiler's parse of `text` as `file` (its extension decides JSX): no ts-morph nodes, no parent links. */
export function plainParse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
}

/** Does this text, parsed as the file it will be written to, have syntax errors? (A parse alone, no ts-morph nodes.) */
export function textHasSyntaxErrors(file: string, text: string): boolean {
  const sf = plainParse(file, text);
  return parseDiagnosticsOf(sf).length > 0;
}

/**
 * The file's descendants whose compiler nodes pass `test`, in source order, as ts-morph nodes.
 * The walk is over the compiler's own tree, and only what it finds is wrapped: wrapping every node
 * of a file (forEachDescendant, getDescendantsOfKind) costs more than the analysis that follows.
 */
export function findNodes<T extends Node = Node>(sourceFile: SourceFile, test: (node: ts.Node, sf: ts.SourceFile) => boolean): T[] {
  const sf = sourceFile.compilerNode;
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (test(node, sf)) found.push(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return found.map((node) => wrapNode(sourceFile, node) as T);
}

/** The ts-morph node of a compiler node of this file: the token at its start, climbed to it. */
function wrapNode(sourceFile: SourceFile, node: ts.Node): Node {
  for (let cur = sourceFile.getDescendantAtPos(node.getStart(sourceFile.compilerNode)); cur; cur = cur.getParent()) {
    if (cur.compilerNode === node) return cur;
  }
  throw new Error(`no ts-morph node for the ${ts.SyntaxKind[node.kind]} at ${node.pos} of ${sourceFile.getFilePath()}`);
}
