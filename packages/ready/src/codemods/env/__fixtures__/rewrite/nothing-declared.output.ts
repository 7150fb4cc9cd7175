// fixture: {"file": "apps/web/app/misc.ts", "names": ["API_URL"], "moduleSpecifier": "./env"}
export const mode = process.env.NODE_ENV === 'production' ? 'prod' : 'dev';
