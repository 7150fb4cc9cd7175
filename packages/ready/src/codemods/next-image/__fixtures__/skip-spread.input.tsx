// fixture: {"file": "apps/web/app/pic.tsx", "skips": ["spread"]}
export const Pic = (props: JSX.IntrinsicElements['img']) => <img {...props} />;
