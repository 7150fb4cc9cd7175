import { join } from 'node:path';
import { CodemodFixtureMeta, describeCodemodFixtures } from '../../testing/codemod-fixtures';
import { envRewriteCodemod } from './rewrite';

interface Meta extends CodemodFixtureMeta {
  names: string[];
  moduleSpecifier: string;
}

describeCodemodFixtures(envRewriteCodemod, join(__dirname, '__fixtures__', 'rewrite'), {
  context: (meta: Meta) => ({ file: meta.file, names: new Set(meta.names), moduleSpecifier: meta.moduleSpecifier }),
  expectations: (fixture, result, text) => {
    // Every read it reports is gone from the text; nothing else of process.env is touched.
    for (const c of result.changes) expect(text).not.toContain(c.message.split(' → ')[0] + ';');
    if (result.changed) expect(text).toMatch(/import \{ env \} from '\.{1,2}\/env';/);
  },
});
