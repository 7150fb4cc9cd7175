/**
 * The syntax errors TypeScript's parser recorded on a source file it parsed (a file, or a JSON
 * text through `parseJsonText`). The compiler keeps them on `parseDiagnostics`, which its public
 * API does not expose without building a program; this is the one place that reaches for it.
 */
export function parseDiagnosticsOf<D>(sourceFile: object): readonly D[] {
  return (sourceFile as { parseDiagnostics?: D[] }).parseDiagnostics ?? [];
}
