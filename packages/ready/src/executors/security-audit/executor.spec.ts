import { ExecutorContext } from '@nx/devkit';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TempWorkspace } from '../../testing/temp-workspace';
import { describeAudit } from '../../features/audit/audit';
import securityAuditExecutor from './executor';

describe('security-audit', () => {
  let ws: TempWorkspace;
  let info: jest.SpyInstance;
  beforeEach(() => {
    ws = new TempWorkspace();
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => {
    info.mockRestore();
    ws.cleanup();
  });

  it("records the package manager's audit with the lockfile it audited, and succeeds whatever it finds", async () => {
    const lock = JSON.stringify({ name: 'ws', lockfileVersion: 3, requires: true, packages: { '': { name: 'ws' } } });
    ws.write('package.json', { name: 'ws', private: true }).write('package-lock.json', lock);
    const context = {
      root: ws.root,
      projectName: 'web',
      projectsConfigurations: { version: 2, projects: { web: { root: 'apps/web' } } },
      projectGraph: { nodes: {}, dependencies: {}, externalNodes: {} },
    } as unknown as ExecutorContext;
    expect(await securityAuditExecutor({}, context)).toEqual({ success: true });
    const stored = JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/security-audit.json'), 'utf8'));
    expect(stored).toMatchObject({
      schemaVersion: 1,
      lockfile: { path: 'package-lock.json', sha256: createHash('sha256').update(lock).digest('hex') },
      packagesInScope: 0,
    });
    // Offline or refused by the registry it says so; online there is nothing to find in an empty lockfile.
    expect(stored.unavailable === null ? stored.vulnerabilities : []).toEqual([]);
    expect(info.mock.calls.flat().join('\n')).toContain('dist/ready/apps/web/security-audit.json');
  });

  it('describes what it found by severity', () => {
    const v = (name: string, severity: 'high' | 'low') => ({ name, severity, direct: true, title: null });
    expect(
      describeAudit({
        schemaVersion: 1,
        lockfile: null,
        unavailable: null,
        vulnerabilities: [v('a', 'high'), v('b', 'low'), v('c', 'high')],
        packagesInScope: 9,
      }),
    ).toBe('3 vulnerable package(s) of 9: 2 high, 1 low');
    expect(
      describeAudit({ schemaVersion: 1, lockfile: null, unavailable: 'npm audit failed: 405', vulnerabilities: [], packagesInScope: 9 }),
    ).toBe('audit unavailable: npm audit failed: 405');
  });
});
