import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { join } from 'node:path';
import { findEnvReads } from '../../codemods/env/find-env';
import { inMemorySourceFile, loadFixtures, recordOutput, syntaxErrors } from '../../testing/fixtures';
import { classify } from './classify';
import { documentedEnvironment } from './documented';
import { mergeDotenv } from './dotenv-file';
import { renderEnvModule } from './env-module';
import { fitToDocumentedEnvironment } from './schema-net';

interface Meta {
  file: string;
  /** Env files the app documents its environment in, path → text. */
  documented?: Record<string, string>;
}

/**
 * One fixture per class of env read (presence tests, guarded backends, flags, destructured
 * fallbacks, platform-like names, fallbacks a placeholder would break, development defaults, the
 * documented environment), through the shared fixture files: what the generator makes of the
 * input, the typed module and .env.production, with the safety net's changes. The module parses,
 * and a second run over what the first wrote changes nothing.
 */
describe('env classes (fixtures: the module and .env.production each class gets)', () => {
  for (const fixture of loadFixtures<Meta>(join(__dirname, '__fixtures__'))) {
    it(fixture.name, () => {
      const tree = createTreeWithEmptyWorkspace();
      for (const [path, text] of Object.entries(fixture.meta.documented ?? {})) tree.write(path, text);
      const reads = findEnvReads(inMemorySourceFile(fixture.meta.file, fixture.input), fixture.meta.file).reads;
      const variables = classify(reads.map((r) => ({ ...r, project: 'web' })));
      const plan = () => {
        const net = fitToDocumentedEnvironment(variables, documentedEnvironment(tree, 'apps/web'));
        const before = tree.read('apps/web/.env.production', 'utf-8') ?? '';
        return { net, module: renderEnvModule(net.variables), dotenv: mergeDotenv(before, net.variables).text };
      };
      const first = plan();
      const text = [
        first.module,
        `/* .env.production\n${first.dotenv}*/`,
        `/* safety net\n${first.net.relaxed.map((r) => `${r.name}: ${r.reason}`).join('\n') || '(nothing changed)'}\n*/`,
        '',
      ].join('\n');
      expect(text).toBe(recordOutput(fixture, text));
      expect(syntaxErrors('apps/web/env.ts', first.module)).toEqual([]);
      tree.write('apps/web/.env.production', first.dotenv);
      const second = plan();
      expect({ module: second.module, dotenv: second.dotenv }).toEqual({ module: first.module, dotenv: first.dotenv });
    });
  }
});
