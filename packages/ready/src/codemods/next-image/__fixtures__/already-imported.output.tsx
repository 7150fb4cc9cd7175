// fixture: {"file": "apps/web/app/mixed.tsx"}
import Image from 'next/image';
import heroImg from '../public/hero.png';

export const Mixed = () => (
  <div>
    <Image src="/hero.png" alt="Done" width={40} height={20} />
    <Image src={heroImg} alt="Not yet" />
  </div>
);
