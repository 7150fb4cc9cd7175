// fixture: {"file": "apps/web/next.config.ts", "hosts": ["cdn.example.com", "img.example.org"], "added": ["cdn.example.com", "img.example.org"]}
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  /* config options here */
};

export default nextConfig;
