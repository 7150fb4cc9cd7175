import { SourceFile } from 'ts-morph';
import { Codemod, CodemodReport, CodemodResult } from '../codemods/codemod';
import { Fixture, inMemorySourceFile, loadFixtures, recordOutput, syntaxErrors } from './fixtures';

export interface CodemodFixtureMeta {
  /** Workspace-relative path the input stands at (decides JSX, app/ vs pages/, test files…). */
  file: string;
  /** Skip reasons the codemod must report, in order. */
  skips?: string[];
}

export interface CodemodFixtureOptions<M extends CodemodFixtureMeta, C, R extends CodemodResult> {
  /** The codemod's context for a case. */
  context(meta: M): C;
  /**
   * The parsed input (default: the codemod's own parse, or an in-memory ts-morph file at
   * `meta.file`); a codemod that needs a program builds one here.
   */
  sourceFile?(fixture: Fixture<M>): SourceFile;
  /** What this codemod promises beyond the shared rules (its own result fields). */
  expectations?(fixture: Fixture<M>, result: R, text: string): void;
}

const where = (r: CodemodReport) => ({
  changes: r.changes.map((c) => `${c.line} ${c.kind}`).sort(),
  skips: r.skips.map((s) => `${s.line} ${s.reason}`),
});

/**
 * The rules every codemod keeps, checked on every `<case>.input.*` of a folder against its
 * `<case>.output.*`: the output is the expected one and parses; the analysis changes nothing and
 * predicts the transform element by element (changes and skips, with their lines); a file the
 * transform changes passes the prefilter; the expected skip reasons are reported; a second run
 * changes nothing.
 */
export function describeCodemodFixtures<M extends CodemodFixtureMeta, C, R extends CodemodResult, S = SourceFile>(
  codemod: Codemod<C, R, S>,
  dir: string,
  options: CodemodFixtureOptions<M, C, R>,
): void {
  const parse = (fixture: Fixture<M>, text: string): S => {
    if (codemod.parse) {
      const parsed = codemod.parse(fixture.meta.file, text);
      if (parsed === null) throw new Error(`${fixture.name}: the codemod's parser rejects the text`);
      return parsed;
    }
    return (options.sourceFile?.({ ...fixture, input: text }) ?? inMemorySourceFile(fixture.meta.file, text)) as S;
  };
  // A ts-morph codemod may edit its source file in place; a codemod with its own parser never does.
  const textOf = (source: S, text: string): string => (codemod.parse ? text : (source as SourceFile).getFullText());
  describe(`${codemod.name} codemod fixtures (${dir.split('/').slice(-2).join('/')})`, () => {
    for (const fixture of loadFixtures<M>(dir)) {
      it(fixture.name, () => {
        const sf = parse(fixture, fixture.input);
        const analysis = codemod.analyze(sf, options.context(fixture.meta));
        expect(textOf(sf, fixture.input)).toBe(fixture.input);
        const result = codemod.transform(sf, options.context(fixture.meta));
        // A transform either edits the source file or hands back its new text (as the runner takes it).
        const text = result.text ?? textOf(sf, fixture.input);
        expect(text).toBe(recordOutput(fixture, text));
        expect(syntaxErrors(fixture.meta.file, text)).toEqual([]);
        expect(result.changed).toBe(text !== fixture.input);
        expect(result.skips.map((s) => s.reason)).toEqual(fixture.meta.skips ?? []);
        expect(where(analysis)).toEqual(where(result));
        if (result.changed) expect(codemod.prefilter(fixture.input, options.context(fixture.meta))).toBe(true);
        options.expectations?.(fixture, result, text);
        const next = result.text === undefined ? sf : parse(fixture, text);
        const again = codemod.transform(next, options.context(fixture.meta));
        expect(again.changed).toBe(false);
        expect(again.text ?? textOf(next, text)).toBe(text);
      });
    }
  });
}
