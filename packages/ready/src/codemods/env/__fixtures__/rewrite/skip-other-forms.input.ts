// fixture: {"file": "apps/web/app/keys.ts", "names": ["API_URL", "SECRET"], "moduleSpecifier": "../env", "skips": ["dynamic-name", "other-form", "other-form"]}
const name = 'API_URL';
export const dynamic = process.env[name];
export const bracket = process.env['API_URL'];
const { SECRET } = process.env;
export { SECRET };
