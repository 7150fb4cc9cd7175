import { z } from 'zod';
import { EnvVariable, isPlaceholderValue } from './classify';
import { DocumentedEnvironment } from './documented';
import { zodFor } from './env-module';

export interface SchemaRelaxation {
  name: string;
  /** Why its schema was loosened, in words for the report (never the value). */
  reason: string;
}

/** What a placeholder stands for: some value of the variable's type, as a deployment would set one. */
const FILLED: Record<EnvVariable['type'], string> = {
  url: 'https://placeholder.example.com',
  number: '0',
  boolean: 'false',
  string: 'placeholder',
  enum: 'placeholder',
};

/**
 * The schema of one variable, as the module writes it, loaded with zod: the text the module holds
 * (`z.string().url()`, …), evaluated, so what is checked is what ships. Null when it accepts the
 * value (unset as t3-env's emptyStringAsUndefined has it), else zod's first message.
 */
function rejects(variable: EnvVariable, value: string | undefined): string | null {
  const schema = new Function('z', `return ${zodFor(variable)};`)(z) as z.ZodTypeAny;
  const result = schema.safeParse(value === '' ? undefined : value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'rejected');
}

/**
 * The env safety net: before the module is written, each variable's schema is loaded against the
 * app's documented environment (its env and example files, placeholders filled with a value of the
 * type; the platform's own variables are optional already). A variable the documented environment
 * does not give becomes optional, and one whose documented value the schema rejects is typed as a
 * string: the module never stops an app deployed as its team documents it. Each change is reported.
 * Where no file documents the environment yet, the schema requires what the code requires.
 */
export function fitToDocumentedEnvironment(
  variables: EnvVariable[],
  documented: DocumentedEnvironment,
): { variables: EnvVariable[]; relaxed: SchemaRelaxation[] } {
  const relaxed: SchemaRelaxation[] = [];
  // Nothing documents the environment yet: the .env.production this run writes becomes its first
  // documentation, listing what the code requires.
  if (documented.files.length === 0) return { variables, relaxed };
  const where = documented.files.join(', ');
  const fitted = variables.map((v) => {
    const entry = documented.values.get(v.name);
    const value = entry === undefined ? undefined : isPlaceholderValue(entry.value) ? FILLED[v.type] : entry.value;
    const message = rejects(v, value);
    if (message === null) return v;
    if (entry === undefined) {
      relaxed.push({
        name: v.name,
        reason: `required by the code, but the documented environment (${where}) does not give it: made optional, so an app deployed as documented starts; declare it (a placeholder in .env.example is enough) and rerun to require it`,
      });
      return { ...v, optional: 'undocumented' as const };
    }
    relaxed.push({
      name: v.name,
      reason: `${entry.file}:${entry.line} documents a value the ${v.type} schema rejects (${message}): typed as a string`,
    });
    const loosened = { ...v, type: 'string' as const, values: [] };
    return rejects(loosened, value) === null ? loosened : { ...loosened, optional: 'undocumented' as const };
  });
  return { variables: fitted, relaxed };
}
