// fixture: {"file": "/app/notice.tsx", "suppressed": 1}
export function Notice({ user }: { user?: { name: string } }) {
  return (
    <p
      title="a long title that goes
on over two lines" data-name={
  // @ts-expect-error plinto-ready(strict) TS18048: 'user' is possibly 'undefined'.
  user.name}
    >
      hello
    </p>
  );
}
