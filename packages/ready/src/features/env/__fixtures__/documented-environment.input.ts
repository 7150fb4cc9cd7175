// fixture: {"file": "apps/web/lib/db.ts", "documented": {"apps/web/.env.example": "DATABASE_URL=postgresql://user:password@localhost:5432/app\nASSET_PATH_URL=/assets\nRESEND_API_KEY=your-resend-key-here\nWORKERS=four\n"}}
// The safety net: the schema accepts what .env.example documents (placeholders filled), makes
// optional what it does not give, and types as a string what it documents in another shape.
export const database = process.env.DATABASE_URL;
export const assets = process.env.ASSET_PATH_URL;
export const resend = process.env.RESEND_API_KEY;
export const workers = Number(process.env.WORKERS);
export const internal = process.env.INTERNAL_TOKEN;
