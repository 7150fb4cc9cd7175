// fixture: {"file": "/app/notice.tsx", "suppressed": 1}
export function Notice({ user }: { user?: { name: string } }) {
  return (
    <p
      title="a long title that goes
on over two lines" data-name={user.name}
    >
      hello
    </p>
  );
}
