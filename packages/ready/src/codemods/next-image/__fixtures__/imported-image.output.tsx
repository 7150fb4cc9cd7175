// fixture: {"file": "apps/web/app/brand.tsx", "skips": ["svg"]}
import logo from './logo.png';
import mark from './mark.svg';
import Image from 'next/image';

export const Brand = () => (
  <header>
    <Image src={logo} alt="Acme" />
    <img src={mark} alt="" />
  </header>
);
