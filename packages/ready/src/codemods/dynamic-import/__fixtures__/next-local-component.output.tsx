// fixture: {"file": "apps/web/app/home/home.tsx", "components": {"apps/web/app/home/heavy-widget": ["HeavyWidget"]}}
'use client';

import dynamic from 'next/dynamic';

const HeavyWidget = dynamic(() => import('./heavy-widget').then((mod) => mod.HeavyWidget), { loading: () => null });
export const Home = () => <HeavyWidget />;
