// fixture: {"file": "apps/web/next.config.js", "hosts": ["a.example.com", "cdn.example.com"], "added": ["cdn.example.com"]}
module.exports = {
  images: {
    remotePatterns: [
      { protocol: 'https', hostname: 'a.example.com' },
    ],
  },
};
