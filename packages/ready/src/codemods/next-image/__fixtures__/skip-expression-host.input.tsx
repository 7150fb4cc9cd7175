// fixture: {"file": "apps/web/app/avatar.tsx", "skips": ["unknown-host"]}
type User = { avatar: string; name: string };

export function Avatar({ user, open }: { user: User; open: () => void }) {
  return (
    <img
      src={user.avatar}
      width="48"
      height="48"
      alt={user.name}
      onClick={open}
      data-testid="avatar"
      aria-hidden
      ref={null}
    />
  );
}
