import { Tree } from '@nx/devkit';
import { Project, SourceFile } from 'ts-morph';
import { hasSyntaxErrors } from './parse';
import { CodemodResult, CodemodSkip } from './codemod';

/**
 * The one place a codemod meets a file of the Tree, with the rules every codemod keeps: a file that
 * does not parse is skipped with a warning; a result that does not parse is never written (the
 * file stays as it was, and the warning says so); only a changed file is written back, through the
 * Tree, so --dry-run works. The parsed file is dropped afterwards to keep memory flat.
 */
export function runCodemodOnFile<R extends CodemodResult>(
  tree: Tree,
  project: Project,
  file: string,
  text: string,
  codemod: (sourceFile: SourceFile) => R,
): { result: R | null; warning: CodemodSkip | null } {
  const sf = project.createSourceFile(file, text, { overwrite: true });
  try {
    if (hasSyntaxErrors(sf)) {
      return { result: null, warning: { file, line: 1, reason: 'parse-error', message: 'does not parse: skipped, left as it is' } };
    }
    const result = codemod(sf);
    if (!result.changed) return { result, warning: null };
    if (hasSyntaxErrors(sf)) {
      return {
        result: { ...result, changed: false, changes: [] },
        warning: { file, line: 1, reason: 'codemod-error', message: 'the conversion did not parse; file left as it is (please report this)' },
      };
    }
    tree.write(file, sf.getFullText());
    return { result, warning: null };
  } finally {
    project.removeSourceFile(sf);
  }
}
