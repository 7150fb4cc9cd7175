// fixture: {"file": "/src/focus.ts", "suppressed": 2}
export function focusFirst(ids: string[]) {
  // @ts-expect-error plinto-ready(strict) TS2531: Object is possibly 'null'.
  // eslint-disable-next-line no-restricted-globals
  document.getElementById(ids[0]).focus();
  if (ids.length > 1) {
    // @ts-expect-error plinto-ready(strict) TS2531: Object is possibly 'null'.
    // eslint-disable-next-line no-console
    // eslint-disable-next-line no-restricted-globals
    console.log(document.querySelector(ids[1]).id);
  }
}
