// fixture: {"file": "apps/web/lib/company.ts"}
// Destructured, then each falls back to the next: none is required.
const { COMPANY_NAME, SITE_NAME, SUPPORT_EMAIL = 'help@example.com' } = process.env;
export const companyName = COMPANY_NAME || SITE_NAME || '';
export const support = SUPPORT_EMAIL;
