// Required reads: one documented as a URL, one the example file documents as a path, one it forgets.
export const database = process.env.DATABASE_URL;
export const assets = process.env.ASSET_PATH_URL;
export const internalToken = process.env.INTERNAL_TOKEN;
