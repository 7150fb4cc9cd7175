// fixture: {"file": "/src/query.ts", "suppressed": 2}
export function firstMatch(selector: string): string {
  const result = [selector]
    .map((s) => document.querySelector(s))
    .map((node) =>
      node.id)
    .join(',');
  return result + document.querySelector(selector).className;
}
