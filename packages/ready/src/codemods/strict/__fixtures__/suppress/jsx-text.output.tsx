// fixture: {"file": "/app/greeting.tsx", "suppressed": 1}
export function Greeting({ id }: { id: string }) {
  const el = document.getElementById(id);
  return (
    <p>
      Welcome back, dear
      reader {
        // @ts-expect-error plinto-ready(strict) TS18047: 'el' is possibly 'null'.
        el.title}!
    </p>
  );
}
