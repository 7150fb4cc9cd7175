// fixture: {"file": "apps/web/next.config.mjs", "hosts": ["cdn.example.com"], "added": [], "usesDomains": true}
const config = {
  images: { domains: ['cdn.example.com'] },
};

export default config;
