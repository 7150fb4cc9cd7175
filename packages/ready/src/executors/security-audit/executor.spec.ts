import { ExecutorContext } from '@nx/devkit';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TempWorkspace } from '../../testing/temp-workspace';
import { describeAudit, readRecordedAudit, unavailableMemoryFile } from '../../features/audit/audit';
import { recordedPackageManager } from '../../testing/recorded-package-manager';
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

  const lock = JSON.stringify({ name: 'ws', lockfileVersion: 3, requires: true, packages: { '': { name: 'ws' } } });
  const context = () =>
    ({
      root: ws.root,
      projectName: 'web',
      projectsConfigurations: { version: 2, projects: { web: { root: 'apps/web' } } },
      projectGraph: {
        nodes: { web: { name: 'web', type: 'app', data: { root: 'apps/web' } } },
        dependencies: { web: [{ source: 'web', target: 'npm:next', type: 'static' }] },
        externalNodes: { 'npm:next': { name: 'npm:next', type: 'npm', data: { packageName: 'next', version: '15.0.0' } } },
      },
    }) as unknown as ExecutorContext;
  const stored = () => JSON.parse(readFileSync(join(ws.root, 'dist/ready/apps/web/security-audit.json'), 'utf8'));

  it("records the package manager's audit (a recorded npm answer) with the lockfile it audited, and succeeds whatever it finds", async () => {
    ws.write('package.json', { name: 'ws', private: true }).write('package-lock.json', lock);
    // npm 11 `npm audit --json` with one finding, exiting 1 as npm does when it finds one.
    const npm = recordedPackageManager({
      stdout: JSON.stringify({
        auditReportVersion: 2,
        vulnerabilities: { next: { name: 'next', severity: 'critical', isDirect: true, via: [{ title: 'Authorization bypass' }] } },
        metadata: { vulnerabilities: { critical: 1 } },
      }),
      exitCode: 1,
    });
    try {
      expect(await securityAuditExecutor({}, context())).toEqual({ success: true });
    } finally {
      npm.restore();
    }
    expect(stored()).toMatchObject({
      schemaVersion: 1,
      lockfile: { path: 'package-lock.json', sha256: createHash('sha256').update(lock).digest('hex') },
      unavailable: null,
      vulnerabilities: [{ name: 'next', severity: 'critical', title: 'Authorization bypass' }],
      packagesInScope: 1,
    });
    expect(info.mock.calls.flat().join('\n')).toContain('dist/ready/apps/web/security-audit.json');
  });

  it('remembers for the lockfile that the registry gave no audit answer, and asks again for another lockfile', async () => {
    ws.write('package.json', { name: 'ws', private: true }).write('package-lock.json', lock);
    // What npm prints where the registry has no audit endpoint (a mirror): its JSON error, exit 1.
    const npm = recordedPackageManager({
      stdout: JSON.stringify({
        message: '405 Method Not Allowed',
        error: { code: 'E405', summary: 'Method Not Allowed - POST /-/npm/v1/security/advisories/bulk' },
      }),
      exitCode: 1,
    });
    try {
      await securityAuditExecutor({}, context());
      // The record says the same on every run (it is hashed by ready and build-production); what the
      // registry said, and when it is asked again, goes beside it.
      const record = readFileSync(join(ws.root, 'dist/ready/apps/web/security-audit.json'), 'utf8');
      expect(stored().unavailable).toBe('the registry gave no npm audit answer');
      const note = () => readFileSync(join(ws.root, 'dist/ready/apps/web/security-audit.note.txt'), 'utf8');
      expect(note()).toBe('npm audit failed: Method Not Allowed - POST /-/npm/v1/security/advisories/bulk\n');
      expect(readRecordedAudit(ws.root, 'dist/ready/apps/web/security-audit.json')!.detail).toBe(note().trim());
      await securityAuditExecutor({}, context());
      expect(npm.calls()).toBe(1);
      expect(readFileSync(join(ws.root, 'dist/ready/apps/web/security-audit.json'), 'utf8')).toBe(record);
      expect(note()).toMatch(
        /^npm audit failed: Method Not Allowed .*\(remembered for this lockfile; asked again after \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
      );
      ws.write('package-lock.json', lock.replace('"ws"}', '"ws", "version": "1.0.0"}'));
      await securityAuditExecutor({}, context());
      expect(npm.calls()).toBe(2);
    } finally {
      npm.restore();
      rmSync(unavailableMemoryFile(ws.root), { force: true });
    }
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
