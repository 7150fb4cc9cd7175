// fixture: {"file": "apps/web/next.config.js", "hosts": ["cdn.example.com"], "added": [], "editable": false, "skips": ["not-editable"]}
const base = require('./base.config');

module.exports = { ...base, images: base.images };
