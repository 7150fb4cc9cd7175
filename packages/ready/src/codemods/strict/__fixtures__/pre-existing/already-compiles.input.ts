// fixture: {"file": "/src/clean.ts"}
export function add(a: number, b: number): number {
  return a + b;
}
