// fixture: {"file": "/app/profile.tsx", "suppressed": 3}
export function Profile({ id }: { id: string }) {
  const el = document.getElementById(id);
  return (
    <section>
      <h1>Profile</h1>
      {el.title}
      <p>
        {el.id}
      </p>
      <>
        <span>{el.className}</span>
      </>
    </section>
  );
}
