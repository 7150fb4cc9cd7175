// fixture: {"file": "apps/web/app/mixed.tsx", "skips": ["no-dimensions"]}
export const Mixed = ({ url }: { url: string }) => (
  <div>
    <img src="/hero.png" alt="Hero" />
    <img src={url} alt="" />
  </div>
);
