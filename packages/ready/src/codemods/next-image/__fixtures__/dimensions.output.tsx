// fixture: {"file": "apps/web/app/hero.tsx", "strategy": "dimensions"}
import Image from 'next/image';

export function Hero() {
  return <Image src="/hero.png" alt="Our product" width={40} height={20} />;
}
