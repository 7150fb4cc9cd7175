// fixture: {"file": "apps/web/app/broken.tsx", "strategy": "dimensions", "skips": ["unreadable-image"]}
export const Broken = () => <img src="/broken.png" alt="" />;
