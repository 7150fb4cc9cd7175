import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { createCodemodProject } from './project';
import { runCodemodOnFile } from './run';
import { emptyResult } from './codemod';

describe('runCodemodOnFile', () => {
  const tree = createTreeWithEmptyWorkspace();
  const project = createCodemodProject();

  it('writes a changed file that parses', () => {
    const { result, warning } = runCodemodOnFile(tree, project, 'a.ts', 'const a = 1;\n', (sf) => {
      sf.insertText(0, '// hi\n');
      return { ...emptyResult(), changed: true };
    });
    expect(warning).toBeNull();
    expect(result!.changed).toBe(true);
    expect(tree.read('a.ts', 'utf-8')).toBe('// hi\nconst a = 1;\n');
  });

  it('never writes a result that does not parse, and says so', () => {
    const { result, warning } = runCodemodOnFile(tree, project, 'b.ts', 'const b = 1;\n', (sf) => {
      sf.insertText(0, 'const = ;\n');
      return { ...emptyResult(), changed: true, changes: [{ file: 'b.ts', line: 1, kind: 'x', message: 'x' }] };
    });
    expect(warning).toMatchObject({ reason: 'codemod-error' });
    expect(result).toMatchObject({ changed: false, changes: [] });
    expect(tree.exists('b.ts')).toBe(false);
  });

  it('skips a file that does not parse without running the codemod', () => {
    const codemod = jest.fn();
    const { result, warning } = runCodemodOnFile(tree, project, 'c.ts', 'const = ;', codemod);
    expect(codemod).not.toHaveBeenCalled();
    expect(result).toBeNull();
    expect(warning).toEqual({ file: 'c.ts', line: 1, reason: 'parse-error', message: 'does not parse: skipped, left as it is' });
  });
});
