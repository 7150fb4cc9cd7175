// fixture: {"file": "apps/web/app/preload.tsx"}
export function preload(url: string) {
  const probe = new Image();
  probe.src = url;
}

export const Hero = () => <img src="/hero.png" alt="Hero" />;
