// fixture: {"file": "apps/web/next.config.ts", "hosts": ["cdn.example.com"], "added": ["cdn.example.com"]}
import type { NextConfig } from 'next';

export default {
  output: 'standalone',
  images: { formats: ['image/avif'] },
} satisfies NextConfig;
