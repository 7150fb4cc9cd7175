// fixture: {"file": "apps/web/app/avatar.tsx"}
import Image from 'next/image';

type User = { avatar: string; name: string };

export function Avatar({ user, open }: { user: User; open: () => void }) {
  return (
    <Image
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
