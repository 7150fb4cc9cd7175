import { readJsonFile } from '@nx/devkit';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { join } from 'node:path';
import { PLUGIN_NAME } from '../core/versions';

/**
 * Options checked when the project graph is built, so that every Nx command fails at once, before
 * any task runs, with one message that names the file, the entry and every bad option.
 */
const validators = new Map<string, ValidateFunction>();

function validator(schemaFile: string): ValidateFunction {
  let v = validators.get(schemaFile);
  if (!v) {
    const { $schema: _meta, ...schema } = readJsonFile(schemaFile);
    // Nx executor schemas carry Nx's own keywords (version, x-prompt, $default): not ajv's to judge.
    v = new Ajv({ allErrors: true, strict: false }).compile(schema);
    validators.set(schemaFile, v);
  }
  return v;
}

/** Every problem of `value` against the schema, in words: "minScore must be a number, got \"eighty\"". */
export function optionProblems(schemaFile: string, value: unknown): string[] {
  const validate = validator(schemaFile);
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map((e) => describe(e, value)))];
}

function describe(e: ErrorObject, root: unknown): string {
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
      return `${path.length > 0 ? `${name}.` : ''}${key} is not an option${path.length > 0 ? ` of ${name}` : ''}`;
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
