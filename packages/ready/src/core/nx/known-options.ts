import type { ExecutorContext } from '@nx/devkit';
import { logger } from '@nx/devkit';
import damerauLevenshtein from 'damerau-levenshtein';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReadyError } from '../../utils/errors';

/**
 * Options a command does not know fail in one line naming the closest known one: Nx passes an
 * unknown `--updatebaseline` through to the executor (its schemas allow more, as Nx's own plugins'
 * do, so one run can give `--minScore` to `-t ready,coverage-gate`), where it would be ignored.
 */

/** The package's root: executors.json and generators.json name every schema from there. */
const PACKAGE_ROOT = join(__dirname, '..', '..', '..');

type Collection = Record<string, { schema: string }>;

function collection(file: 'executors.json' | 'generators.json'): Collection {
  const json = JSON.parse(readFileSync(join(PACKAGE_ROOT, file), 'utf8')) as { executors?: Collection; generators?: Collection };
  return (json.executors ?? json.generators)!;
}

function optionNames(schemaFile: string): string[] {
  const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, schemaFile), 'utf8')) as { properties?: Record<string, unknown> };
  return Object.keys(schema.properties ?? {});
}

/** The options an executor of the plugin lists ("ready" → its schema's properties); empty for an unknown executor. */
export function executorOptionNames(executor: string): string[] {
  const entry = collection('executors.json')[executor];
  return entry ? optionNames(entry.schema) : [];
}

/** The known name closest to `given` (case and dashes aside), when it is near enough to be a slip. */
export function closestOption(given: string, known: readonly string[]): string | null {
  const plain = (name: string) => name.toLowerCase().replace(/-/g, '');
  const scored = known.map((name) => ({ name, d: damerauLevenshtein(plain(given), plain(name)).steps }));
  const best = scored.sort((a, b) => a.d - b.d)[0];
  return best && best.d < given.length && best.d <= Math.max(1, Math.floor(given.length / 3)) ? best.name : null;
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The one-line problem with the options `command` was given, or null: each key neither known nor
 * tolerated, with the closest known name. Keys Nx adds for itself (`_`, `__overrides_unparsed__`)
 * and kebab-case spellings of known names are not the user's slips.
 */
export function unknownOptionsProblem(
  options: object,
  known: readonly string[],
  command: string,
  tolerated: readonly string[] = [],
): string | null {
  const unknown = Object.keys(options).filter(
    (key) => key !== '_' && !key.startsWith('__') && !known.includes(key) && !known.includes(camel(key)) && !tolerated.includes(key),
  );
  if (unknown.length === 0) return null;
  const named = unknown.map((key) => {
    const near = closestOption(key, known);
    return `--${key}${near ? ` (did you mean --${near}?)` : ''}`;
  });
  return `Unknown option${unknown.length > 1 ? 's' : ''} ${named.join(', ')} for "${command}": nothing was run. Its options: ${known
    .map((k) => `--${k}`)
    .join(', ')}.`;
}

/**
 * For an executor: its own options are known; another of the plugin's executors' options is
 * tolerated (one `nx run-many -t ready,coverage-gate --minScore=0` gives it to both). Prints the
 * problem and returns the failed result to return, or null.
 */
export function refuseUnknownOptions(options: object, context: ExecutorContext): { success: false } | null {
  const executors = collection('executors.json');
  const executor = (context.target?.executor ?? '').replace(/^@plinto\/ready:/, '');
  const own = executors[executor];
  if (!own) return null;
  const tolerated = Object.entries(executors)
    .filter(([name]) => name !== executor)
    .flatMap(([, e]) => optionNames(e.schema));
  const problem = unknownOptionsProblem(options, optionNames(own.schema), `nx run ${context.projectName}:${context.targetName}`, tolerated);
  if (!problem) return null;
  logger.error(problem);
  return { success: false };
}

/** For a generator: every option must be its own; throws the one-line problem (Nx prints it, writes nothing). */
export function assertKnownGeneratorOptions(options: object, generator: string): void {
  const own = collection('generators.json')[generator];
  if (!own) return;
  const problem = unknownOptionsProblem(options, optionNames(own.schema), `nx g @plinto/ready:${generator}`);
  if (problem) throw new ReadyError(problem);
}
