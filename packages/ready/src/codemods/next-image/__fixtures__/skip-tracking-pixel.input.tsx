// fixture: {"file": "apps/web/app/beacon.tsx", "skips": ["tracking-pixel", "tracking-pixel"]}
export const Beacon = ({ id }: { id: string }) => (
  <div>
    <img src={`https://t.example.net/collect?id=${id}`} width={1} height={1} alt="" />
    <img src="https://px.ads.example.org/p.gif" width="0" height="0" style={{ position: 'absolute' }} alt="" />
  </div>
);
