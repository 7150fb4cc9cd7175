import { SourceFile } from 'ts-morph';
import { Codemod, CodemodResult, emptyResult } from './codemod';
import { createCodemodProject } from './project';
import { runCodemod } from './run';

/** A codemod whose transform is the given edit, reporting one change when it edits. */
function codemodOf(edit: (sf: SourceFile) => void): Codemod<null> {
  return {
    name: 'test',
    prefilter: () => true,
    analyze: () => ({ changes: [{ file: 'x', line: 1, kind: 'x', message: 'would edit' }], skips: [], warnings: [] }),
    transform(sf): CodemodResult {
      edit(sf);
      return { ...emptyResult(), changed: true, changes: [{ file: sf.getFilePath(), line: 1, kind: 'x', message: 'edited' }] };
    },
  };
}

describe('runCodemod', () => {
  const project = createCodemodProject();

  it('returns the new text of a changed file that parses, and writes nothing', () => {
    const run = runCodemod(
      codemodOf((sf) => sf.insertText(0, '// hi\n')),
      project,
      'a.ts',
      'const a = 1;\n',
      null,
    );
    expect(run.warning).toBeNull();
    expect(run.result!.changed).toBe(true);
    expect(run.text).toBe('// hi\nconst a = 1;\n');
    expect(project.getSourceFiles()).toHaveLength(0);
  });

  it('never returns a result that does not parse, and says so', () => {
    const run = runCodemod(
      codemodOf((sf) => sf.insertText(0, 'const = ;\n')),
      project,
      'b.ts',
      'const b = 1;\n',
      null,
    );
    expect(run.warning).toMatchObject({ reason: 'codemod-error' });
    expect(run.result).toMatchObject({ changed: false, changes: [] });
    expect(run.text).toBeNull();
  });

  it('skips a file that does not parse without running the codemod', () => {
    const edit = jest.fn();
    const run = runCodemod(codemodOf(edit), project, 'c.ts', 'const = ;', null);
    expect(edit).not.toHaveBeenCalled();
    expect(run.report).toBeNull();
    expect(run.warning).toEqual({ file: 'c.ts', line: 1, reason: 'parse-error', message: 'does not parse: skipped, left as it is' });
  });

  it('in analyze mode reports what the codemod would do and changes nothing', () => {
    const edit = jest.fn();
    const run = runCodemod(codemodOf(edit), project, 'd.ts', 'const d = 1;\n', null, 'analyze');
    expect(edit).not.toHaveBeenCalled();
    expect(run.report!.changes.map((c) => c.message)).toEqual(['would edit']);
    expect(run.text).toBeNull();
  });
});
