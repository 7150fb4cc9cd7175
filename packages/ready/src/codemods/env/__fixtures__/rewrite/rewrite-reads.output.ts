// fixture: {"file": "apps/web/app/config.ts", "names": ["API_URL", "PAGE_SIZE"], "moduleSpecifier": "../env"}
'use server';

import { env } from '../env';

export const apiUrl = env.API_URL;
export const pageSize = Number(env.PAGE_SIZE ?? 20);
// A write stays a write; a variable the module does not declare stays as it is.
process.env.API_URL = 'http://localhost';
export const other = process.env.NOT_DECLARED;
