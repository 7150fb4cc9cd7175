/** `text` as a regular expression that matches it literally (what `RegExp.escape` does from Node 24). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
