// fixture: {"file": "apps/web/app/gallery/templates.tsx", "skips": ["unknown-host", "svg"], "remoteHosts": [{"protocol": "https", "hostname": "cdn.example.com"}]}
const CDN = process.env.NEXT_PUBLIC_CDN;

export const Templates = ({ id, base }: { id: string; base: string }) => (
  <ul>
    <img src={`${CDN}/logo.png`} width={40} height={40} alt="Logo" />
    <img src={`/avatars/${id}.png`} width={48} height={48} alt="Avatar" />
    <img src={`https://cdn.example.com/photos/${id}.jpg`} width={300} height={200} alt="Photo" />
    <img src={`${base}/icon.svg`} width={16} height={16} alt="" />
  </ul>
);
