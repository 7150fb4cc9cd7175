// fixture: {"file": "apps/web/pages/map.tsx", "ssr": "false"}
import { MapContainer as Map } from 'react-leaflet';

export default function MapPage() {
  return <Map center={[0, 0]} />;
}
