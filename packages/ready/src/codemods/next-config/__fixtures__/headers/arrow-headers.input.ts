// fixture: {"file": "apps/web/next.config.ts", "kept": ["Strict-Transport-Security"]}
import type { NextConfig } from 'next';

const config: NextConfig = {
  headers: async () => [{ source: '/(.*)', headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000' }] }],
};

export default config;
