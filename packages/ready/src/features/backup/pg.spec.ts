import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPgTool } from './pg';

describe('the PostgreSQL client tools of the server’s major version', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pg-tools-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  /** A folder with a `tool` that reports `version`, as the real ones do on --version. */
  const tools = (name: string, version: string) => {
    const bin = join(dir, name);
    mkdirSync(bin);
    for (const tool of ['pg_dump', 'pg_restore']) {
      writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) ${version}"\n`);
      chmodSync(join(bin, tool), 0o755);
    }
    return bin;
  };

  it('takes the one of the server’s major version, wherever it is among PG_BIN and PATH', () => {
    const old = tools('old', '13.16');
    const right = tools('right', '42.4 (Debian 42.4-1.pgdg120+2)');
    expect(findPgTool('pg_dump', 42, '42.4', { PATH: `${old}:${right}` })).toEqual({
      path: join(right, 'pg_dump'),
      version: '42.4',
      major: 42,
    });
    expect(findPgTool('pg_restore', 42, '42.4', { PG_BIN: right, PATH: old }).path).toBe(join(right, 'pg_restore'));
  });

  it('names both versions, and how to get the right one, when only another major version is there', () => {
    const old = tools('old', '13.16');
    expect(() => findPgTool('pg_dump', 41, '41.2', { PATH: old })).toThrow(
      `The database runs PostgreSQL 41.2, and found pg_dump 13.16 (${join(old, 'pg_dump')}): install the client tools of PostgreSQL 41 (Debian: postgresql-client-41) or set PG_BIN to the folder of its pg_dump.`,
    );
    expect(() => findPgTool('pg_restore', 99, '99.0', { PATH: join(dir, 'none') })).toThrow(
      'The database runs PostgreSQL 99.0, and no pg_restore was found: install the client tools of PostgreSQL 99',
    );
  });
});
