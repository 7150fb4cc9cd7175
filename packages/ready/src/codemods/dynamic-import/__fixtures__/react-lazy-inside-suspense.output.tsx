// fixture: {"file": "libs/ui/src/lib/viewer.tsx", "framework": "react"}
import React, { Suspense, lazy } from 'react';

const Canvas = lazy(() => import('@react-three/fiber').then((mod) => ({ default: mod.Canvas })));
export const Viewer = () => (
  <Suspense fallback={<p>Loading…</p>}>
    <Canvas />
  </Suspense>
);
