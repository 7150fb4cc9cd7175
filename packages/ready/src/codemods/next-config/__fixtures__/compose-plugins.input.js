// fixture: {"file": "apps/web/next.config.js", "hosts": ["cdn.example.com", "images.example.org"], "added": ["images.example.org"]}
const { composePlugins, withNx } = require('@nx/next');

const nextConfig = {
  nx: {},
  images: {
    remotePatterns: [{ protocol: 'https', hostname: 'cdn.example.com' }],
  },
};

const plugins = [withNx];

module.exports = composePlugins(...plugins)(nextConfig);
