// fixture: {"file": "/src/counter.ts", "suppressed": 1}
export const counter = {
  count: 0,
  increment: function () {
    return this.count + 1;
  },
};

export function unbound() {
  return this;
}
