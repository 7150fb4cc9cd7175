// Destructured, then each falls back to the next.
const { COMPANY_NAME, SITE_NAME } = process.env;

export const companyName = COMPANY_NAME || SITE_NAME || '';
