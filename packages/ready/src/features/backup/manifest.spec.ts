import { compareTables, parseManifest } from './manifest';

describe('a restore against its manifest', () => {
  const manifest = [
    { name: 'public.orders', rows: 3000, checksum: 'a' },
    { name: 'public.users', rows: 1000, checksum: 'b' },
  ];

  it("passes when every table has the manifest'rows and checksum", () => {
    expect(compareTables(manifest, manifest).every((t) => t.ok)).toBe(true);
  });

  it('names the table that differs, and how', () => {
    const checks = compareTables(manifest, [
      { name: 'public.orders', rows: 2999, checksum: 'a' },
      { name: 'public.users', rows: 1000, checksum: 'c' },
      { name: 'public.extra', rows: 1, checksum: 'd' },
    ]);
    expect(checks.filter((t) => !t.ok).map((t) => [t.name, t.reason])).toEqual([
      ['public.extra', 'in the restore but not in the manifest'],
      ['public.orders', '2999 rows, the manifest says 3000'],
      ['public.users', 'contents differ from the manifest (checksum)'],
    ]);
    expect(compareTables(manifest, [manifest[0]]).find((t) => t.name === 'public.users')).toMatchObject({
      ok: false,
      reason: 'missing from the restore',
    });
  });

  it('reads a manifest, or says what is wrong with it', () => {
    expect(parseManifest('{')).toEqual({ problem: 'the manifest is not JSON' });
    expect(parseManifest('{"dumpKey":"k"}')).toEqual({ problem: 'the manifest has no database, createdAt, sha256, size, tables' });
  });
});
