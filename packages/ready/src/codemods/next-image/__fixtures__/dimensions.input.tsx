// fixture: {"file": "apps/web/app/hero.tsx", "strategy": "dimensions"}
export function Hero() {
  return <img src="/hero.png" alt="Our product" />;
}
