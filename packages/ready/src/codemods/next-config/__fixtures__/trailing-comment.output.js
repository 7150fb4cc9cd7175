// fixture: {"file": "apps/web/next.config.js", "hosts": ["cdn.example.com"], "added": ["cdn.example.com"]}
const nextConfig = {
  reactStrictMode: true, // strict
  images: { remotePatterns: [{ protocol: 'https', hostname: 'cdn.example.com' }] }
};

module.exports = nextConfig;
