// fixture: {"file": "apps/web/app/deco.tsx", "warnings": ["missing-alt"]}
export const Deco = () => <img src="/hero.png" />;
