// fixture: {"file": "/app/greeting.tsx", "suppressed": 1}
export function Greeting({ id }: { id: string }) {
  const el = document.getElementById(id);
  return (
    <p>
      Welcome back, dear
      reader {el.title}!
    </p>
  );
}
