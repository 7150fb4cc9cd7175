import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { loadFixtures, recordOutput, syntaxErrors } from '../../testing/fixtures';
import { STRICT_FLAGS } from '../../core/tsconfig';
import { migrateToStrict, StrictMigrationReport } from './migrate';

interface Meta {
  file: string;
  fixed?: Record<string, number>;
  explicitAny?: number;
  rolledBack?: string[];
  suppressed?: number;
  preExisting?: number;
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

/** One file in a strict in-memory program (with JSX typed loosely), migrated from non-strict. */
export function migrateText(file: string, text: string, extra: Record<string, string> = {}): { report: StrictMigrationReport; project: Project } {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { ...BASE, strict: true } });
  project.createSourceFile('/jsx.d.ts', JSX);
  for (const [name, content] of Object.entries(extra)) project.createSourceFile(name, content);
  project.createSourceFile(file, text);
  const report = migrateToStrict(project, { before: { ...BASE, strict: false }, flags: [...ALL], editable: (f) => f === file || f in extra });
  return { report, project };
}

function errorsUnderStrict(file: string, text: string): string[] {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { ...BASE, strict: true } });
  project.createSourceFile('/jsx.d.ts', JSX);
  const sf = project.createSourceFile(file, text);
  return sf.getPreEmitDiagnostics().map((d) => `TS${d.getCode()}`);
}

describe('strict migration fixtures', () => {
  for (const fixture of loadFixtures<Meta>(join(__dirname, '__fixtures__'))) {
    it(fixture.name, () => {
      const { file } = fixture.meta;
      const { report } = migrateText(file, fixture.input);
      const text = report.changed.get(file) ?? fixture.input;
      expect(text).toBe(recordOutput(fixture, text));
      expect(syntaxErrors(file, text)).toEqual([]);
      expect(report.remaining).toEqual([]);
      expect(report.fixed).toEqual(fixture.meta.fixed ?? {});
      expect(report.explicitAny).toBe(fixture.meta.explicitAny ?? 0);
      expect(report.rolledBack.map((r) => r.fix)).toEqual(fixture.meta.rolledBack ?? []);
      expect(report.suppressed.length).toBe(fixture.meta.suppressed ?? 0);
      expect(report.preExisting.length).toBe(fixture.meta.preExisting ?? 0);
      // It compiles under strict, but for what was broken before; and a second run changes nothing.
      expect(errorsUnderStrict(file, text)).toHaveLength(fixture.meta.preExisting ?? 0);
      expect(migrateText(file, text).report.changed.size).toBe(0);
    });
  }
});
