// fixture: {"file": "apps/web/next.config.mjs", "hosts": ["cdn.example.com"], "added": ["cdn.example.com"]}
export default {
	output: "standalone",
	images: {
		remotePatterns: [{ protocol: "https", hostname: "cdn.example.com" }]
	},
};
