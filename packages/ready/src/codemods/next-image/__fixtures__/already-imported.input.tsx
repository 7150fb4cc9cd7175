// fixture: {"file": "apps/web/app/mixed.tsx"}
import Image from 'next/image';

export const Mixed = () => (
  <div>
    <Image src="/hero.png" alt="Done" width={40} height={20} />
    <img src="/hero.png" alt="Not yet" />
  </div>
);
