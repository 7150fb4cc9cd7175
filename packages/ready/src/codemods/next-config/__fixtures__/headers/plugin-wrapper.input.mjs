// fixture: {"file": "apps/web/next.config.mjs"}
import bundleAnalyzer from '@next/bundle-analyzer';

const withBundleAnalyzer = bundleAnalyzer({ enabled: process.env.ANALYZE === 'true' });

const nextConfig = {
	images: { remotePatterns: [{ protocol: 'https', hostname: 'cdn.example.com' }] },
};

export default withBundleAnalyzer(nextConfig);
