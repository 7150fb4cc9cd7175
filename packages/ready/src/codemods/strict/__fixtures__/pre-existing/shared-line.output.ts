// fixture: {"file": "/src/shared-line.ts", "preExisting": 1, "skips": ["pre-existing"], "remaining": 1}
export function label(user: { name?: string }): number {
  const n: number = user.name.length + 'x';
  return n;
}
