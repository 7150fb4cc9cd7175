import { diskTree } from '../../core/workspace/files';
import { TempWorkspace } from '../../testing/temp-workspace';
import { assessBackups } from './assess';

describe('where a project’s backups stand (the backup check)', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = new TempWorkspace()));
  afterEach(() => ws.cleanup());
  const app = (deps: Record<string, string> = {}, external: string[] = []) => {
    ws.write('apps/shop/package.json', { name: 'shop', dependencies: deps });
    return { root: 'apps/shop', isApp: true, externalDependencies: external };
  };
  // A closed loopback port: storage cannot be read (and unit tests never reach a network).
  const verify = {
    executor: '@plinto/ready:db-restore-verify',
    options: { bucket: 'b', prefix: 'shop/', endpoint: 'http://127.0.0.1:9', region: 'us-east-1', maxAgeDays: 8 },
  };
  const record = (ok: boolean, verifiedAt: string) =>
    ws.write('dist/ready/apps/shop/db-restore-verify.json', {
      ok,
      backupKey: 'shop/x/',
      verifiedAt,
      tables: [],
      mismatches: ok ? [] : ['table public.orders: 1 rows, the manifest says 2'],
      assertions: [],
    });

  it('skips a project without a database client, and a library', async () => {
    expect(await assessBackups(diskTree(ws.root), app({ next: '16' }), {})).toMatchObject({ state: 'no-database' });
    expect(await assessBackups(diskTree(ws.root), { ...app({ pg: '8' }), isApp: false }, {})).toMatchObject({
      state: 'no-database',
      reason: expect.stringContaining('a library'),
    });
  });

  it('fails an app that talks to a database (its package.json, or the project graph) and has no backup targets', async () => {
    expect(await assessBackups(diskTree(ws.root), app({ '@prisma/client': '6' }), {})).toEqual({
      state: 'not-configured',
      evidence: 'it depends on @prisma/client',
    });
    expect(await assessBackups(diskTree(ws.root), app({}, ['drizzle-orm']), {})).toEqual({
      state: 'not-configured',
      evidence: 'it depends on drizzle-orm',
    });
  });

  it('judges the last verification this checkout ran when storage cannot be read: its outcome and its age', async () => {
    const now = new Date('2026-11-28T12:00:00Z');
    app({ pg: '8' });
    const p = { root: 'apps/shop', isApp: true, externalDependencies: [] };
    expect(await assessBackups(diskTree(ws.root), p, { 'db-restore-verify': verify }, now)).toMatchObject({ state: 'unknown' });
    record(true, '2026-11-25T12:00:00Z');
    expect(await assessBackups(diskTree(ws.root), p, { 'db-restore-verify': verify }, now)).toMatchObject({
      state: 'verified',
      ageDays: 3,
      maxAgeDays: 8,
    });
    record(true, '2026-11-10T12:00:00Z');
    expect(await assessBackups(diskTree(ws.root), p, { 'db-restore-verify': verify }, now)).toMatchObject({ state: 'stale', ageDays: 18 });
    record(false, '2026-11-28T11:00:00Z');
    expect(await assessBackups(diskTree(ws.root), p, { 'db-restore-verify': verify }, now)).toMatchObject({ state: 'verification-failed' });
  });
});
