// fixture: {"file": "apps/web/app/home/home.tsx", "components": {"apps/web/app/home/heavy-widget": ["HeavyWidget"]}}
'use client';
import { HeavyWidget } from './heavy-widget';

export const Home = () => <HeavyWidget />;
