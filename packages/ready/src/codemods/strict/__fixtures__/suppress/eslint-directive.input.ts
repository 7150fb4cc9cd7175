// fixture: {"file": "/src/focus.ts", "suppressed": 2}
export function focusFirst(ids: string[]) {
  // eslint-disable-next-line no-restricted-globals
  document.getElementById(ids[0]).focus();
  if (ids.length > 1) {
    // eslint-disable-next-line no-console
    // eslint-disable-next-line no-restricted-globals
    console.log(document.querySelector(ids[1]).id);
  }
}
