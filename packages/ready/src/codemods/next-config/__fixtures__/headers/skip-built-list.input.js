// fixture: {"file": "apps/web/next.config.js", "skips": ["not-editable"]}
const securityHeaders = require('./security-headers');

module.exports = {
  async headers() {
    const routes = ['/', '/docs/:path*'];
    return routes.map((source) => ({ source, headers: securityHeaders }));
  },
};
