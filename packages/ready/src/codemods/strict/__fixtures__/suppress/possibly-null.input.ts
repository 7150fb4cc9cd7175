// fixture: {"file": "/src/dom.ts", "suppressed": 3}
export function setTitle(id: string, text: string): number {
  const el = document.getElementById(id);
  el.textContent = text;
  const width = Math.max(
    1,
    el.clientWidth,
  );
  return width + el.textContent.length;
}
