// fixture: {"file": "/src/dom.ts", "suppressed": 3}
export function setTitle(id: string, text: string): number {
  const el = document.getElementById(id);
  // @ts-expect-error plinto-ready(strict) TS18047: 'el' is possibly 'null'.
  el.textContent = text;
  const width = Math.max(
    1,
    // @ts-expect-error plinto-ready(strict) TS18047: 'el' is possibly 'null'.
    el.clientWidth,
  );
  // @ts-expect-error plinto-ready(strict) TS18047: 'el' is possibly 'null'.
  return width + el.textContent.length;
}
