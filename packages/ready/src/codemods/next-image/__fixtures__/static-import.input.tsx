// fixture: {"file": "apps/web/app/hero.tsx"}
export function Hero() {
  return <img src="/hero.png" alt="Our product" className="hero" loading="lazy" decoding="async" />;
}
