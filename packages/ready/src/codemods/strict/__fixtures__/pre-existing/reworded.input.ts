// fixture: {"file": "/src/reworded.ts", "preExisting": 1, "skips": ["pre-existing"]}
export function size(values?: string[]): string {
  const total: string = values?.length;
  return total;
}
