// fixture: {"file": "apps/web/next.config.ts"}
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  /* config options here */
};

export default nextConfig;
