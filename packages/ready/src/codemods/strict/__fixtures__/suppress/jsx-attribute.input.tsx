// fixture: {"file": "/app/avatar.tsx", "suppressed": 2}
export function Avatar({ id }: { id: string }) {
  const el = document.getElementById(id);
  return (
    <img
      alt=""
      src={el.dataset.src}
      title={
        el.title
      }
    />
  );
}
