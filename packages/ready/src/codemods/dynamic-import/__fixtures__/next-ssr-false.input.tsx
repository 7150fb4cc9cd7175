// fixture: {"file": "apps/web/app/map/map.tsx", "ssr": "false"}
'use client';
import { MapContainer } from 'react-leaflet';

export const Map = () => <MapContainer center={[0, 0]} zoom={3} />;
