import { Project, SourceFile, ts } from 'ts-morph';
import { TsError, toTsError } from './diagnostics';

/**
 * One migration's shared state, which every stage reads: the language service over the program,
 * the files it may edit, each edited file's original text, and a `check` that type-checks files
 * as they are now. Stages edit files through `sourceFile`, so the originals are always known.
 */
export class StrictSession {
  readonly ls: ts.LanguageService;
  /** The program as it was before any edit. */
  readonly program: ts.Program;
  /** The program's own files: no default libraries, no dependencies. */
  readonly names: string[];
  /** Files that do not parse: never checked for new errors, never edited. */
  readonly skipped: Set<string>;
  private readonly originals = new Map<string, string>();

  constructor(
    readonly project: Project,
    private readonly mayEdit: (fileName: string) => boolean,
  ) {
    this.ls = project.getLanguageService().compilerObject;
    this.program = this.ls.getProgram()!;
    const program = this.program;
    this.names = program
      .getSourceFiles()
      .filter(
        (sf) =>
          !program.isSourceFileDefaultLibrary(sf) &&
          !program.isSourceFileFromExternalLibrary(sf) &&
          !sf.fileName.includes('/node_modules/'),
      )
      .map((sf) => sf.fileName);
    this.skipped = new Set(this.names.filter((name) => program.getSyntacticDiagnostics(program.getSourceFile(name)).length > 0));
  }

  editable(name: string): boolean {
    return this.mayEdit(name) && !name.endsWith('.d.ts') && !this.skipped.has(name);
  }

  /** The file to edit; its text before the first edit is kept. */
  sourceFile(name: string): SourceFile {
    const sf = this.project.getSourceFileOrThrow(name);
    if (!this.originals.has(name)) this.originals.set(name, sf.getFullText());
    return sf;
  }

  original(name: string): string {
    return this.originals.get(name) ?? this.project.getSourceFileOrThrow(name).getFullText();
  }

  lineText(name: string, line: number): string {
    return this.project.getSourceFileOrThrow(name).getFullText().split('\n')[line - 1] ?? '';
  }

  /** Every error of the given files (default: all of the program's own files) as they are now. */
  check(only: Iterable<string> = this.names): Map<string, TsError[]> {
    const current = this.ls.getProgram()!;
    const result = new Map<string, TsError[]>();
    for (const name of only) {
      const sf = current.getSourceFile(name);
      if (!sf) continue;
      const diagnostics = [...current.getSyntacticDiagnostics(sf), ...current.getSemanticDiagnostics(sf)];
      result.set(
        name,
        diagnostics.map((d) => toTsError(d, name)),
      );
    }
    return result;
  }

  /** New text of every file an edit left different. */
  changed(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, text] of this.originals) {
      const now = this.project.getSourceFileOrThrow(name).getFullText();
      if (now !== text) out.set(name, now);
    }
    return out;
  }
}
