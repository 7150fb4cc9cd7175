// fixture: {"file": "apps/web/app/map/map.tsx", "ssr": "false"}
'use client';

import dynamic from 'next/dynamic';

const MapContainer = dynamic(() => import('react-leaflet').then((mod) => mod.MapContainer), { loading: () => null, ssr: false });
export const Map = () => <MapContainer center={[0, 0]} zoom={3} />;
