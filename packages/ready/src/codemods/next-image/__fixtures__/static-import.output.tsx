// fixture: {"file": "apps/web/app/hero.tsx"}
import heroImg from '../public/hero.png';
import Image from 'next/image';

export function Hero() {
  return <Image src={heroImg} alt="Our product" className="hero" />;
}
