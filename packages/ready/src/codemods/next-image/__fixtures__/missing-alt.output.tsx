// fixture: {"file": "apps/web/app/deco.tsx", "warnings": ["missing-alt"]}
import heroImg from '../public/hero.png';
import Image from 'next/image';

export const Deco = () => <Image src={heroImg} alt="" />;
