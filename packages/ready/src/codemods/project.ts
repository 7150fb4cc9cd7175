import { IndentationText, Project, QuoteKind, SourceFile, ts } from 'ts-morph';
import { ReadTree, isMemoTree } from '../core/workspace/files';

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

/** Projects whose parsed files stay for the next reader (one per memo tree: a check run's). */
const shared = new WeakMap<ReadTree, Project>();
const keeps = new WeakSet<Project>();

/**
 * The codemod project for reading `tree`: for a memo tree (the files of one check run, which do
 * not change) one project shared by every check, whose parsed files stay so that a file two checks
 * analyse is parsed once; for any other tree (a generator's) a fresh one.
 */
export function codemodProjectFor(tree: ReadTree): Project {
  if (!isMemoTree(tree)) return createCodemodProject();
  let project = shared.get(tree);
  if (!project) {
    shared.set(tree, (project = createCodemodProject()));
    keeps.add(project);
  }
  return project;
}

/** The parsed file for `text`: the one a shared project already holds for that text, else a new parse. */
export function parseFile(project: Project, file: string, text: string): SourceFile {
  const held = keeps.has(project) ? project.getSourceFile(file) : undefined;
  if (held && held.getFullText() === text) return held;
  return project.createSourceFile(file, text, { overwrite: true });
}

/** Done reading a parsed file: dropped (memory stays flat), unless its project shares parses. */
export function releaseFile(project: Project, sourceFile: SourceFile): void {
  if (!keeps.has(project) && !sourceFile.wasForgotten()) project.removeSourceFile(sourceFile);
}
