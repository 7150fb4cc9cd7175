// fixture: {"file": "apps/web/app/gone.tsx", "skips": ["missing-file"]}
export const Gone = () => <img src="/not-there.png" alt="" />;
