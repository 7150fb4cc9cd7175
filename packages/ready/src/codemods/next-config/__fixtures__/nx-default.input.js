// fixture: {"file": "apps/web/next.config.js", "hosts": ["cdn.example.com"], "added": ["cdn.example.com"]}
//@ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next.js options go here
  // See: https://nextjs.org/docs/app/api-reference/config/next-config-js
};

module.exports = nextConfig;
