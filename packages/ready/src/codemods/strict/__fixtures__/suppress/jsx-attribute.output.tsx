// fixture: {"file": "/app/avatar.tsx", "suppressed": 2}
export function Avatar({ id }: { id: string }) {
  const el = document.getElementById(id);
  return (
    <img
      alt=""
      // @ts-expect-error plinto-ready(strict) TS18047: 'el' is possibly 'null'.
      src={el.dataset.src}
      title={
        // @ts-expect-error plinto-ready(strict) TS18047: 'el' is possibly 'null'.
        el.title
      }
    />
  );
}
