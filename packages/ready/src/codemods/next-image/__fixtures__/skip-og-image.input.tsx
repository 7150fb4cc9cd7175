// fixture: {"file": "apps/web/app/opengraph-image.tsx", "skips": ["og-image"]}
import { ImageResponse } from 'next/og';

export default function og() {
  return new ImageResponse(<div><img src="https://cdn.example.com/logo.png" width={64} height={64} /></div>);
}
