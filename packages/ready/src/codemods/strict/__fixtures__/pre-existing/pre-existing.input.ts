// fixture: {"file": "/src/legacy.ts", "suppressed": 1, "preExisting": 1, "skips": ["pre-existing"]}
export const count: number = 'three';

export function lengthOf(id: string): number {
  return document.getElementById(id).id.length;
}
