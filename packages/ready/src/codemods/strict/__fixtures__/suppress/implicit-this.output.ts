// fixture: {"file": "/src/counter.ts", "suppressed": 1}
export const counter = {
  count: 0,
  increment: function () {
    return this.count + 1;
  },
};

export function unbound() {
  // @ts-expect-error plinto-ready(strict) TS2683: 'this' implicitly has type 'any' because it does not have a type annotation.
  return this;
}
