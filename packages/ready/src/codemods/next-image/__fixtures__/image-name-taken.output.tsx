// fixture: {"file": "apps/web/app/preload.tsx"}
import heroImg from '../public/hero.png';
import NextImage from 'next/image';

export function preload(url: string) {
  const probe = new Image();
  probe.src = url;
}

export const Hero = () => <NextImage src={heroImg} alt="Hero" />;
