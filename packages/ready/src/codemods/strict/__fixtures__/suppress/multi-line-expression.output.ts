// fixture: {"file": "/src/query.ts", "suppressed": 2}
export function firstMatch(selector: string): string {
  const result = [selector]
    .map((s) => document.querySelector(s))
    .map((node) =>
      // @ts-expect-error plinto-ready(strict) TS18047: 'node' is possibly 'null'.
      node.id)
    .join(',');
  // @ts-expect-error plinto-ready(strict) TS2531: Object is possibly 'null'.
  return result + document.querySelector(selector).className;
}
