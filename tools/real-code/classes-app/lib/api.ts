// A development default: production must set its own value, never talk to localhost.
export const api = process.env.NEXT_PUBLIC_API_URL || 'http://localhost:8000';
