// fixture: {"file": "apps/web/next.config.js", "skips": ["not-editable"]}
module.exports = (phase) => ({ reactStrictMode: phase !== 'phase-development-server' });
