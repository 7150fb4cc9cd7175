import { pgEnv, readConnection, redactUrl, scrub } from './connection';

describe('the database connection', () => {
  const env = { DATABASE_URL: 'postgres://app:s3cr%40t@db.internal:6543/shop' };

  it("reads the URL from the named variable; the password only reaches libpq'environment", () => {
    const c = readConnection('DATABASE_URL', env);
    expect(c).toMatchObject({ host: 'db.internal', port: 6543, user: 'app', password: 's3cr@t', database: 'shop' });
    expect(c.display).toBe('postgres://app:***@db.internal:6543/shop');
    expect(pgEnv(c, 'scratch')).toEqual({
      PGHOST: 'db.internal',
      PGPORT: '6543',
      PGUSER: 'app',
      PGPASSWORD: 's3cr@t',
      PGDATABASE: 'scratch',
    });
    expect(scrub('FATAL: password s3cr@t rejected', c)).toBe('FATAL: password *** rejected');
  });

  it('says which variable and what it must hold, never its value', () => {
    expect(() => readConnection('DATABASE_URL', {})).toThrow(/DATABASE_URL is not set: export the PostgreSQL connection URL/);
    expect(() => readConnection('DB', { DB: 'mysql://u:pw@h/d' })).toThrow(
      'DB is a mysql URL: only PostgreSQL (postgres://…) is supported.',
    );
    expect(() => readConnection('DB', { DB: 'postgres://u:pw@h' })).toThrow(/DB names no database/);
    expect(() => readConnection('DB', { DB: 'not a url pw' })).toThrow(/^DB is not a URL/);
    expect(redactUrl('postgres://u@h/d')).toBe('postgres://u@h/d');
  });

  it("keeps the sslmode of a managed server's URL for libpq and the client, and no password in what it shows", () => {
    const c = readConnection('DATABASE_URL', { DATABASE_URL: 'postgresql://app:pw@ep-1.neon.tech/shop?sslmode=require' });
    expect(c).toMatchObject({ database: 'shop', sslmode: 'require', display: 'postgresql://app:***@ep-1.neon.tech/shop?sslmode=require' });
    expect(pgEnv(c)).toMatchObject({ PGSSLMODE: 'require', PGDATABASE: 'shop' });
    expect(readConnection('U', { U: 'postgres://a@h/d?ssl=true' }).sslmode).toBe('require');
    expect(pgEnv(readConnection('U', { U: 'postgres://a@h/d' }))).not.toHaveProperty('PGSSLMODE');
  });
});
