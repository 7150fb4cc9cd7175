// fixture: {"file": "apps/web/next.config.js", "poweredByKept": true}
module.exports = { poweredByHeader: true };
