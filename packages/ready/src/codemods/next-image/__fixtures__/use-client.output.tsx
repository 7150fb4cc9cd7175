// fixture: {"file": "apps/web/app/client-hero.tsx"}
'use client';

import heroImg from '../public/hero.png';
import Image from 'next/image';

export function ClientHero() {
  return <Image src={heroImg} alt="Hero" />;
}
