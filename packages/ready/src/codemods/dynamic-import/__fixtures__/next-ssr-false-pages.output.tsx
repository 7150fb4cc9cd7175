// fixture: {"file": "apps/web/pages/map.tsx", "ssr": "false"}

import dynamic from 'next/dynamic';

const Map = dynamic(() => import('react-leaflet').then((mod) => mod.MapContainer), { loading: () => null, ssr: false });

export default function MapPage() {
  return <Map center={[0, 0]} />;
}
