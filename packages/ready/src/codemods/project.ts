import { IndentationText, Project, QuoteKind, ts } from 'ts-morph';

/**
 * The ts-morph project codemods run in: in memory (files come from the Nx Tree, never the disk),
 * no type checker, and manipulation settings that match the code style of a typical Nx workspace.
 * Callers add a file, run a codemod, take the text and remove the file, which keeps memory flat.
 */
export function createCodemodProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    compilerOptions: { jsx: ts.JsxEmit.Preserve, allowJs: true, target: ts.ScriptTarget.Latest },
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
}
