// fixture: {"file": "apps/web/app/pic.tsx", "skips": ["srcset"]}
export const Pic = () => <img src="/hero.png" srcSet="/hero.png 1x, /hero@2x.png 2x" sizes="100vw" alt="" />;
