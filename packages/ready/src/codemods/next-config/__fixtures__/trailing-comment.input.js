// fixture: {"file": "apps/web/next.config.js", "hosts": ["cdn.example.com"], "added": ["cdn.example.com"]}
const nextConfig = {
  reactStrictMode: true // strict
};

module.exports = nextConfig;
