// fixture: {"file": "apps/web/next.config.js", "csp": "enforce", "hstsPreload": true}
/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  output: 'standalone',
};
