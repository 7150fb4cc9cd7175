// fixture: {"file": "apps/web/app/mixed.tsx", "skips": ["no-dimensions"]}
import heroImg from '../public/hero.png';
import Image from 'next/image';

export const Mixed = ({ url }: { url: string }) => (
  <div>
    <Image src={heroImg} alt="Hero" />
    <img src={url} alt="" />
  </div>
);
