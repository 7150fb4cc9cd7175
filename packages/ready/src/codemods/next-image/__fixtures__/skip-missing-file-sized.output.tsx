// fixture: {"file": "apps/web/app/gone-sized.tsx", "skips": ["missing-file", "missing-file"]}
export const Gone = () => (
  <div>
    <img src="/not-there.png" width={100} height={80} alt="" />
    <img src="/images/also-missing.jpg?v=3" width="10" height="10" alt="" />
  </div>
);
