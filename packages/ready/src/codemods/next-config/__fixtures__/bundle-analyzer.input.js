// fixture: {"file": "apps/web/next.config.js", "hosts": ["cdn.example.com"], "added": ["cdn.example.com"]}
const withBundleAnalyzer = require('@next/bundle-analyzer')({ enabled: process.env.ANALYZE === 'true' });

module.exports = withBundleAnalyzer({
  reactStrictMode: true,
  images: { formats: ['image/avif'], remotePatterns: [] },
});
