// fixture: {"file": "/src/settled.ts", "lines": [3, 8]}
export function twice(n: number) {
  // @ts-expect-error plinto-ready(strict) TS7006: Parameter 'x' implicitly has an 'any' type.
  return n * 2;
}

export function half(n: number) {
  // @ts-expect-error kept: a person wrote this one, not the strict command
  return n / 2;
}
