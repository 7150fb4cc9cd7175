// fixture: {"file": "libs/ui/src/lib/viewer.tsx", "framework": "react"}
import React, { Suspense } from 'react';
import { Canvas } from '@react-three/fiber';

export const Viewer = () => (
  <Suspense fallback={<p>Loading…</p>}>
    <Canvas />
  </Suspense>
);
