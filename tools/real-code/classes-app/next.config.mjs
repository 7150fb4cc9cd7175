/** @type {import('next').NextConfig} */
const nextConfig = {
  transpilePackages: ['@rc/ui-kit'],
};

export default nextConfig;
