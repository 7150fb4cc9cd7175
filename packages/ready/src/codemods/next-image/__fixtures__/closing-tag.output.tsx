// fixture: {"file": "apps/web/app/logo.tsx"}
import heroImg from '../public/hero.png';
import Image from 'next/image';

export const Logo = () => (
  <a href="/">
    <Image src={heroImg} alt="Home"></Image>
  </a>
);
