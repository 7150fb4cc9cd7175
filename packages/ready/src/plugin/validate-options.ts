import { readJsonFile } from '@nx/devkit';
import { NormalizedPluginOptions, pluginExecutorOf } from '../core/nx/plugin-options';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { basename, dirname, join } from 'node:path';
import { PLUGIN_NAME } from '../core/contracts/versions';
import { closestOption } from '../core/nx/known-options';

/**
 * Options checked when the project graph is built, so that every Nx command fails at once, before
 * any task runs, with one message that names the file, the entry and every bad option.
 */
const validators = new Map<string, ValidateFunction>();

/**
 * The validator of a schema: compiled ahead of time by ajv's standalone code generation
 * (tools/validators.cjs writes plugin/validators/), so a graph build loads plain functions, not
 * ajv and a schema compile. validators.spec.ts keeps them in step with the schemas.
 */
function validator(schemaFile: string): ValidateFunction {
  let v = validators.get(schemaFile);
  if (!v) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    v = require(join(__dirname, 'validators', `${validatorName(schemaFile)}.js`)) as ValidateFunction;
    validators.set(schemaFile, v);
  }
  return v;
}

/** plugin/options.schema.json → "plugin-options"; executors/<name>/schema.json → "<name>". */
export function validatorName(schemaFile: string): string {
  return schemaFile === PLUGIN_OPTIONS_SCHEMA ? 'plugin-options' : basename(dirname(schemaFile));
}

/** Every problem of `value` against the schema, in words: "minScore must be a number, got \"eighty\"". */
export function optionProblems(schemaFile: string, value: unknown): string[] {
  const validate = validator(schemaFile);
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map((e) => describe(e, value, schemaFile)))];
}

function describe(e: ErrorObject, root: unknown, schemaFile: string): string {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const name = path.join('.') || '(the options)';
  const got = JSON.stringify(path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], root));
  switch (e.keyword) {
    case 'type':
      return `${name} must be ${article(String(e.params.type))}, got ${got}`;
    case 'enum':
      return `${name} must be one of ${(e.params.allowedValues as unknown[]).map((a) => JSON.stringify(a)).join(', ')}, got ${got}`;
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      // At the top, the closest option the schema lists: a slip (updatebaseline) is named with its fix.
      const near = path.length === 0 ? closestOption(key, Object.keys(readJsonFile(schemaFile).properties ?? {})) : null;
      return `${path.length > 0 ? `${name}.` : ''}${key} is not an option${path.length > 0 ? ` of ${name}` : ''}${near ? ` (did you mean ${near}?)` : ''}`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${name} ${e.message}, got ${got}`;
    case 'pattern':
      return `${name} must match ${e.params.pattern}, got ${got}`;
    case 'required':
      return `${path.length > 0 ? `${name} ` : ''}needs "${e.params.missingProperty}"`;
    default:
      return `${name} ${e.message ?? 'is not valid'}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Where the entry these options came from sits in nx.json: "nx.json plugins[2] (@plinto/ready)". */
export function pluginEntryName(plugins: unknown[] | undefined, options: unknown): string {
  const entries = (plugins ?? []).map((p, i) => ({ p, i })).filter(({ p }) => pluginName(p) === PLUGIN_NAME);
  const same = entries.find(
    ({ p }) => JSON.stringify(typeof p === 'object' && p ? (p as { options?: unknown }).options : undefined) === JSON.stringify(options),
  );
  const at = (same ?? entries[0])?.i;
  return at === undefined ? `nx.json plugins (${PLUGIN_NAME})` : `nx.json plugins[${at}] (${PLUGIN_NAME})`;
}

function pluginName(p: unknown): string | undefined {
  if (typeof p === 'string') return p;
  if (p && typeof p === 'object') return (p as { plugin?: string }).plugin;
  return undefined;
}

export const PLUGIN_OPTIONS_SCHEMA = join(__dirname, 'options.schema.json');

/** The schema of one of the plugin's executors ("ready" → executors/ready/schema.json). */
export function executorSchema(executor: string): string {
  return join(__dirname, '..', 'executors', executor, 'schema.json');
}

/**
 * Every problem of the options the workspace gives the plugin's targets: in nx.json targetDefaults
 * and in each project file (project.json `targets`, package.json `nx.targets`), named by file and path.
 */
export function targetOptionProblems(
  workspaceRoot: string,
  projectFiles: string[],
  targetDefaults: Record<string, unknown> | undefined,
  options: NormalizedPluginOptions,
  readJson: (file: string) => unknown = (file) => readJsonFile(join(workspaceRoot, file)),
): string[] {
  return [...targetDefaultsProblems(targetDefaults, options), ...projectFiles.flatMap((f) => projectTargetProblems(readJson, f, options))];
}

type TargetLike = { executor?: unknown; options?: unknown; configurations?: Record<string, unknown> };

/** Every problem of the options a project file gives the plugin's targets, named by file and path. */
function targetProblems(where: string, targets: Record<string, TargetLike> | undefined, options: NormalizedPluginOptions): string[] {
  const problems: string[] = [];
  for (const [name, target] of Object.entries(targets ?? {})) {
    if (!target || typeof target !== 'object') continue;
    const executor = pluginExecutorOf(name, target, options);
    if (!executor) continue;
    const schema = executorSchema(executor);
    const sets: Array<[string, unknown]> = [[`${where}.${name}.options`, target.options]];
    for (const [config, value] of Object.entries(target.configurations ?? {}))
      sets.push([`${where}.${name}.configurations.${config}`, value]);
    for (const [path, value] of sets) {
      if (value === undefined) continue;
      problems.push(...optionProblems(schema, value).map((p) => `${path}: ${p}`));
    }
  }
  return problems;
}

function projectTargetProblems(readJson: (file: string) => unknown, file: string, options: NormalizedPluginOptions): string[] {
  let json: { targets?: Record<string, TargetLike>; nx?: { targets?: Record<string, TargetLike> } };
  try {
    json = readJson(file) as typeof json;
  } catch {
    return []; // an unreadable project file is Nx's to report
  }
  return file.endsWith('project.json')
    ? targetProblems(`${file} targets`, json.targets, options)
    : targetProblems(`${file} nx.targets`, json.nx?.targets, options);
}

/** nx.json targetDefaults, keyed by target name or by executor; Nx 23 also allows a list of filtered entries. */
function targetDefaultsProblems(defaults: Record<string, unknown> | undefined, options: NormalizedPluginOptions): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(defaults ?? {})) {
    const entries = (Array.isArray(value) ? value : [value]) as TargetLike[];
    entries.forEach((entry, i) => {
      const asTarget = key.startsWith('@plinto/ready:') ? { ...entry, executor: key } : entry;
      const where = Array.isArray(value) ? `nx.json targetDefaults["${key}"][${i}]` : `nx.json targetDefaults`;
      problems.push(
        ...targetProblems(where, { [key]: asTarget }, options).map((p) =>
          Array.isArray(value) ? p.replace(`${where}.${key}.`, `${where}.`) : p,
        ),
      );
    });
  }
  return problems;
}
