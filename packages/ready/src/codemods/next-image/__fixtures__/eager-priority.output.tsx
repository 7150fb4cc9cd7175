// fixture: {"file": "apps/web/app/banner.tsx"}
import heroImg from '../public/hero.png';
import Image from 'next/image';

export const Banner = () => <Image src={heroImg} alt="Sale" priority />;
