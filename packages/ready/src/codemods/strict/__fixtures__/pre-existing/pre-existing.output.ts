// fixture: {"file": "/src/legacy.ts", "suppressed": 1, "preExisting": 1, "skips": ["pre-existing"]}
export const count: number = 'three';

export function lengthOf(id: string): number {
  // @ts-expect-error plinto-ready(strict) TS2531: Object is possibly 'null'.
  return document.getElementById(id).id.length;
}
