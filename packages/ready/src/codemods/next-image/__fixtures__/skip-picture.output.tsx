// fixture: {"file": "apps/web/app/pic.tsx", "skips": ["picture"]}
export const Pic = () => (
  <picture>
    <source srcSet="/hero.avif" type="image/avif" />
    <img src="/hero.png" alt="Hero" />
  </picture>
);
