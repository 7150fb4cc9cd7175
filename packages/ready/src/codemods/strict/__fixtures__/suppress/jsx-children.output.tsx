// fixture: {"file": "/app/profile.tsx", "suppressed": 3}
export function Profile({ id }: { id: string }) {
  const el = document.getElementById(id);
  return (
    <section>
      <h1>Profile</h1>
      {/* @ts-expect-error plinto-ready(strict) TS18047: 'el' is possibly 'null'. */}
      {el.title}
      <p>
        {/* @ts-expect-error plinto-ready(strict) TS18047: 'el' is possibly 'null'. */}
        {el.id}
      </p>
      <>
        {/* @ts-expect-error plinto-ready(strict) TS18047: 'el' is possibly 'null'. */}
        <span>{el.className}</span>
      </>
    </section>
  );
}
