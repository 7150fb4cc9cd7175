// fixture: {"file": "/src/settled.ts", "lines": [3, 8]}
export function twice(n: number) {
  return n * 2;
}

export function half(n: number) {
  // @ts-expect-error kept: a person wrote this one, not the strict command
  return n / 2;
}
