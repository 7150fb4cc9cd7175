import { posix } from 'node:path';
import { ReadTree } from '../../core/workspace/files';
import { isPlaceholderValue } from './classify';
import { parseDotenv } from './dotenv-file';

/** Files that document a variable without holding its value: `.env.example`, `.env.sample`, `.env.local.example`, … */
const EXAMPLE_ENV_FILE = /^\.env(\.[\w-]+)*\.(example|sample|template|dist)$/;

/** A line that lists a variable with no value, commented out: `# X=` (as the env generator writes an optional one). */
const COMMENTED_PLACEHOLDER = /^\s*#\s*([A-Za-z_][A-Za-z0-9_.-]*)=\s*$/;

export interface DocumentedValue {
  value: string;
  file: string;
  line: number;
}

/** What a team documents of an app's environment, in the files that declare variables. */
export interface DocumentedEnvironment {
  /** The files read, workspace-relative, in the order their values win. */
  files: string[];
  /** Each variable given a value, from the first file that gives one, a real value before a placeholder (empty, `<your key>`). */
  values: Map<string, DocumentedValue>;
  /** Variables listed only commented out (`# X=`): declared, and left unset on purpose. */
  commented: Set<string>;
}

/**
 * The env files that declare an app's variables, in the order their values win: the project's
 * `.env.production` and `.env` (what `next build` and `next start` load), the workspace root's,
 * then the example files a team documents its environment in (`.env.example`, …), in either place.
 * `.env*.local` holds a developer's own values and documents nothing.
 */
export function declaringEnvFiles(tree: ReadTree, projectRoot: string): string[] {
  const dirs = [...new Set([projectRoot, '.'])];
  const at = (dir: string, name: string) => (dir === '.' ? name : posix.join(dir, name));
  const loaded = dirs.flatMap((dir) => ['.env.production', '.env'].filter((name) => tree.isFile(at(dir, name))).map((n) => at(dir, n)));
  const examples = dirs.flatMap((dir) =>
    tree
      .children(dir)
      .filter((name) => EXAMPLE_ENV_FILE.test(name) && tree.isFile(at(dir, name)))
      .sort()
      .map((name) => at(dir, name)),
  );
  return [...loaded, ...examples];
}

/** The app's documented environment: every declaring file's values, and what they list commented out. */
export function documentedEnvironment(tree: ReadTree, projectRoot: string): DocumentedEnvironment {
  const files = declaringEnvFiles(tree, projectRoot);
  const values = new Map<string, DocumentedValue>();
  const commented = new Set<string>();
  for (const file of files) {
    const text = tree.read(file, 'utf-8') ?? '';
    const parsed = parseDotenv(text);
    for (const e of parsed.entries) {
      // A real value wins over a placeholder another file holds (`X=` in .env.production, `X=real` in .env.example).
      const held = values.get(e.key);
      if (!held || (isPlaceholderValue(held.value) && !isPlaceholderValue(e.value)))
        values.set(e.key, { value: e.value, file, line: e.line });
    }
    for (const line of parsed.lines) {
      const name = COMMENTED_PLACEHOLDER.exec(line)?.[1];
      if (name) commented.add(name);
    }
  }
  for (const name of values.keys()) commented.delete(name);
  return { files, values, commented };
}
