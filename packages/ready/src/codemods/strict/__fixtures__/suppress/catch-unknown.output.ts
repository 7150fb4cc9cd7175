// fixture: {"file": "/src/load.ts", "suppressed": 1}
export function load(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    // @ts-expect-error plinto-ready(strict) TS18046: 'e' is of type 'unknown'.
    return e.message;
  }
}
