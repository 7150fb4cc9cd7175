// fixture: {"file": "apps/web/app/gallery.tsx", "skips": ["remote-host"], "remoteHosts": [{"protocol": "https", "hostname": "cdn.example.com"}], "allowedHosts": ["cdn.example.com"]}
import Image from 'next/image';

export const Gallery = () => (
  <div>
    <Image src="https://cdn.example.com/a.jpg" width={600} height={400} alt="Allowed" />
    <img src="https://elsewhere.example.net/b.jpg" width={600} height={400} alt="Not allowed" />
  </div>
);
