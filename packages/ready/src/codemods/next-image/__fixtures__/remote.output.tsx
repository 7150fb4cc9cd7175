// fixture: {"file": "apps/web/app/gallery.tsx", "remoteHosts": [{"protocol": "https", "hostname": "cdn.example.com"}]}
import Image from 'next/image';

export function Gallery() {
  return <Image src="https://cdn.example.com/photos/a.jpg" width={600} height={400} alt="A photo" priority />;
}
