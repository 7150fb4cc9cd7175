// fixture: {"file": "apps/web/app/banner.tsx"}
export const Banner = () => <img src="/hero.png" alt="Sale" loading="eager" />;
