// fixture: {"file": "apps/web/app/client-hero.tsx"}
'use client';

export function ClientHero() {
  return <img src="/hero.png" alt="Hero" />;
}
