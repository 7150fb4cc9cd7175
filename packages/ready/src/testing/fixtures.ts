import { parseDiagnosticsOf } from '../utils/parse-diagnostics';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceFile, ts } from 'ts-morph';
import { createCodemodProject } from '../codemods/project';

export interface Fixture<Meta> {
  name: string;
  input: string;
  /** Expected output; null when the output file does not exist yet. */
  output: string | null;
  outputPath: string;
  meta: Meta;
}

/**
 * Every `<case>.input.tsx` of a folder with its `<case>.output.tsx`. The first line of an input is
 * `// fixture: {json}`: the case's context and expectations, kept in the output as well.
 */
export function loadFixtures<Meta>(dir: string): Fixture<Meta>[] {
  return readdirSync(dir)
    .filter((f) => /\.input\.[cm]?[jt]sx?$/.test(f))
    .sort()
    .map((f) => {
      const name = f.replace(/\.input\.[cm]?[jt]sx?$/, '');
      const input = readFileSync(join(dir, f), 'utf8');
      const outputPath = join(dir, f.replace('.input.', '.output.'));
      const header = /^\/\/ fixture: (.*)$/m.exec(input.split('\n')[0]);
      if (!header) throw new Error(`${f}: the first line must be "// fixture: {json}"`);
      return {
        name,
        input,
        output: existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : null,
        outputPath,
        meta: JSON.parse(header[1]) as Meta,
      };
    });
}

/** Writes a missing output (UPDATE_FIXTURES=1 only), for review before it is committed. */
export function recordOutput(fixture: Fixture<unknown>, text: string): string | null {
  if (fixture.output === null && process.env.UPDATE_FIXTURES === '1') {
    writeFileSync(fixture.outputPath, text);
    return text;
  }
  return fixture.output;
}

export function inMemorySourceFile(path: string, text: string): SourceFile {
  return createCodemodProject().createSourceFile(path, text);
}

/** Syntax errors of a text, as a parser sees them: the "output always parses" rule. */
export function syntaxErrors(path: string, text: string): string[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  return parseDiagnosticsOf<ts.Diagnostic>(sf).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}
