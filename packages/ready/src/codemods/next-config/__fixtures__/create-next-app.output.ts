// fixture: {"file": "apps/web/next.config.ts", "hosts": ["cdn.example.com", "img.example.org"], "added": ["cdn.example.com", "img.example.org"]}
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  /* config options here */
  images: { remotePatterns: [{ protocol: "https", hostname: "cdn.example.com" }, { protocol: "https", hostname: "img.example.org" }] }
};

export default nextConfig;
