import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { STRICT_FLAGS } from '../../core/workspace/tsconfig';
import { CodemodFixtureMeta, describeCodemodFixtures } from '../../testing/codemod-fixtures';
import { inMemorySourceFile, loadFixtures, recordOutput, syntaxErrors } from '../../testing/fixtures';
import { strictCodemod } from './codemod';
import { migrateToStrict, StrictMigrationReport } from './migrate';
import { removeStaleSuppressions } from './stages/stale';

interface Meta extends CodemodFixtureMeta {
  fixed?: Record<string, number>;
  explicitAny?: number;
  rolledBack?: string[];
  suppressed?: number;
  preExisting?: number;
  /** New errors left visible on purpose (a line that already had an error). */
  remaining?: number;
}

const BASE: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  jsx: ts.JsxEmit.Preserve,
  noEmit: true,
};
const JSX = 'declare namespace JSX { interface IntrinsicElements { [name: string]: any } interface Element {} }\n';
const ALL = STRICT_FLAGS.map((f) => f.name);

/** A strict in-memory program (with JSX typed loosely) holding the file and any extra files. */
function strictProject(extra: Record<string, string> = {}): Project {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { ...BASE, strict: true } });
  project.createSourceFile('/jsx.d.ts', JSX);
  for (const [name, content] of Object.entries(extra)) project.createSourceFile(name, content);
  return project;
}

/** One file in a strict in-memory program, migrated from non-strict. */
export function migrateText(
  file: string,
  text: string,
  extra: Record<string, string> = {},
): { report: StrictMigrationReport; project: Project } {
  const project = strictProject(extra);
  project.createSourceFile(file, text);
  const report = migrateToStrict(project, {
    before: { ...BASE, strict: false },
    flags: [...ALL],
    editable: (f) => f === file || f in extra,
  });
  return { report, project };
}

function errorsUnderStrict(file: string, text: string): string[] {
  return strictProject()
    .createSourceFile(file, text)
    .getPreEmitDiagnostics()
    .map((d) => `TS${d.getCode()}`);
}

// One folder of fixtures per stage of the pipeline; each case runs the whole pipeline, as the
// generator does, and names the stage whose behaviour it pins down by its folder.
for (const stage of ['pre-existing', 'code-fixes', 'suppress']) {
  describeCodemodFixtures(strictCodemod, join(__dirname, '__fixtures__', stage), {
    sourceFile: (fixture) => strictProject().createSourceFile(fixture.meta.file, fixture.input),
    context: () => ({ before: { ...BASE, strict: false }, flags: [...ALL] }),
    expectations: (fixture, result, text) => {
      const meta = fixture.meta as Meta;
      const { report } = result;
      expect(report.remaining).toHaveLength(meta.remaining ?? 0);
      expect(report.fixed).toEqual(meta.fixed ?? {});
      expect(report.explicitAny).toBe(meta.explicitAny ?? 0);
      expect(report.rolledBack.map((r) => r.fix)).toEqual(meta.rolledBack ?? []);
      expect(report.suppressed.length).toBe(meta.suppressed ?? 0);
      expect(report.preExisting.length).toBe(meta.preExisting ?? 0);
      // It compiles under strict, but for what was broken before (and what it left visible on purpose).
      expect(errorsUnderStrict(meta.file, text)).toHaveLength((meta.preExisting ?? 0) + (meta.remaining ?? 0));
      expect(migrateText(meta.file, text).report.changed.size).toBe(0);
    },
  });
}

describe('strict stage: stale suppressions', () => {
  for (const fixture of loadFixtures<{ file: string; lines: number[] }>(join(__dirname, '__fixtures__', 'stale'))) {
    it(fixture.name, () => {
      const sf = inMemorySourceFile(fixture.meta.file, fixture.input);
      removeStaleSuppressions(sf, fixture.meta.lines);
      const text = sf.getFullText();
      expect(text).toBe(recordOutput(fixture, text));
      expect(syntaxErrors(fixture.meta.file, text)).toEqual([]);
      // Only this command's own tag is ever removed.
      expect(text.split('\n').filter((l) => l.includes('@ts-expect-error') && !l.includes('plinto-ready(strict)'))).toEqual(
        fixture.input.split('\n').filter((l) => l.includes('@ts-expect-error') && !l.includes('plinto-ready(strict)')),
      );
    });
  }
});

describe('strict stage: code fixes judged across files', () => {
  it('a `| undefined` that would move the error into another file is rolled back to the definite `!`', () => {
    const model = 'export class Draft {\n  title: string;\n  describe() {\n    return `draft ${this.title}`;\n  }\n}\n';
    const view = "import { Draft } from './model';\nexport const size = (d: Draft): number => d.title.length;\n";
    const { report } = migrateText('/src/model.ts', model, { '/src/view.ts': view });
    expect(report.changed.get('/src/model.ts')).toContain('title!: string;');
    expect(report.changed.has('/src/view.ts')).toBe(false);
    expect(report.fixed).toEqual({ addMissingPropertyDefiniteAssignmentAssertions: 1 });
    expect(report.rolledBack.map((r) => r.fix)).toEqual(['addMissingPropertyUndefinedType']);
    expect(report.remaining).toEqual([]);
    expect(report.suppressed).toEqual([]);
  });
});
