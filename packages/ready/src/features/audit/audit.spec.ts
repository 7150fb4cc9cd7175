import { ProjectGraph } from '@nx/devkit';
import { externalPackages as packagesInScope } from '../../core/workspace/project-graph';
import { scopedAudit } from './audit';
import { parseAuditJson, parseYarnBerryAudit, parseYarnClassicAudit } from './package-manager-audit';

// npm 11 `npm audit --json` (auditReportVersion 2), trimmed to the fields read.
const NPM_AUDIT = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {
    next: { name: 'next', severity: 'high', isDirect: true, via: [{ source: 1, title: 'Cache poisoning', severity: 'high' }] },
    postcss: {
      name: 'postcss',
      severity: 'moderate',
      isDirect: false,
      via: [{ source: 2, title: 'Line return parsing', severity: 'moderate' }],
    },
    'left-pad': { name: 'left-pad', severity: 'critical', isDirect: true, via: [{ source: 3, title: 'Everything', severity: 'critical' }] },
  },
  metadata: { vulnerabilities: { high: 1, moderate: 1, critical: 1 } },
});

const graph = {
  nodes: {
    web: { name: 'web', type: 'app', data: { root: 'apps/web' } },
    ui: { name: 'ui', type: 'lib', data: { root: 'libs/ui' } },
    admin: { name: 'admin', type: 'app', data: { root: 'apps/admin' } },
  },
  externalNodes: {
    'npm:next': { name: 'npm:next', type: 'npm', data: { packageName: 'next', version: '16.1.6' } },
    'npm:postcss': { name: 'npm:postcss', type: 'npm', data: { packageName: 'postcss', version: '8.4.31' } },
    'npm:react': { name: 'npm:react', type: 'npm', data: { packageName: 'react', version: '19.0.0' } },
    'npm:left-pad': { name: 'npm:left-pad', type: 'npm', data: { packageName: 'left-pad', version: '1.0.0' } },
  },
  dependencies: {
    web: [
      { source: 'web', target: 'npm:next', type: 'static' },
      { source: 'web', target: 'ui', type: 'static' },
    ],
    ui: [{ source: 'ui', target: 'npm:react', type: 'static' }],
    'npm:next': [{ source: 'npm:next', target: 'npm:postcss', type: 'static' }],
    admin: [{ source: 'admin', target: 'npm:left-pad', type: 'static' }],
  },
} as unknown as ProjectGraph;

describe('scoped security audit', () => {
  it('takes the packages the project graph attributes to the project, through libraries and transitively', () => {
    expect([...packagesInScope(graph, 'web')].sort()).toEqual(['next', 'postcss', 'react']);
    expect([...packagesInScope(graph, 'admin')]).toEqual(['left-pad']);
  });

  it("fails at or above the level, on this project's packages only", () => {
    const raw = parseAuditJson(NPM_AUDIT, 'npm');
    const web = scopedAudit(packagesInScope(graph, 'web'), 'high', raw);
    expect(web).toMatchObject({ status: 'fail', packagesInScope: 3 });
    expect(web.vulnerabilities).toEqual([
      { name: 'next', severity: 'high', direct: true, title: 'Cache poisoning' },
      { name: 'postcss', severity: 'moderate', direct: false, title: 'Line return parsing' },
    ]);
    expect(scopedAudit(packagesInScope(graph, 'web'), 'critical', raw).status).toBe('pass');
  });

  it('reads pnpm audit JSON', () => {
    const raw = parseAuditJson(JSON.stringify({ advisories: { 1: { module_name: 'next', severity: 'critical', title: 'X' } } }), 'pnpm');
    expect(scopedAudit(new Set(['next']), 'high', raw)).toMatchObject({
      status: 'fail',
      vulnerabilities: [{ name: 'next', severity: 'critical' }],
    });
  });

  it('reads yarn classic audit (one JSON event per line), keeping the worst severity per package', () => {
    const lines = [
      {
        type: 'auditAdvisory',
        data: { resolution: { path: 'next' }, advisory: { module_name: 'next', severity: 'moderate', title: 'A' } },
      },
      {
        type: 'auditAdvisory',
        data: { resolution: { path: 'next' }, advisory: { module_name: 'next', severity: 'critical', title: 'B' } },
      },
      {
        type: 'auditAdvisory',
        data: { resolution: { path: 'x>postcss' }, advisory: { module_name: 'postcss', severity: 'low', title: 'C' } },
      },
      { type: 'auditSummary', data: { vulnerabilities: { low: 1, moderate: 1, critical: 1 } } },
    ];
    const raw = parseYarnClassicAudit(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    expect(scopedAudit(new Set(['next', 'postcss']), 'high', raw)).toMatchObject({
      status: 'fail',
      vulnerabilities: [
        { name: 'next', severity: 'critical', title: 'B' },
        { name: 'postcss', severity: 'low' },
      ],
    });
    // A clean audit is a summary with no advisory; no summary at all means it did not run.
    expect(parseYarnClassicAudit(JSON.stringify({ type: 'auditSummary', data: {} }))).toEqual({ vulnerabilities: new Map() });
    expect(parseYarnClassicAudit('')).toEqual({ unavailable: 'yarn audit printed no audit summary (offline?)' });
    expect(parseYarnClassicAudit(JSON.stringify({ type: 'error', data: 'Request failed "405"' }))).toEqual({
      unavailable: 'yarn audit failed: Request failed "405"',
    });
  });

  it('reads yarn berry audit (yarn npm audit --json: one package per line)', () => {
    const lines = [
      {
        value: 'next',
        children: { ID: 1, Issue: 'Cache poisoning', URL: 'https://x', Severity: 'high', 'Vulnerable Versions': '<15.5.9' },
      },
      { value: 'ms', children: { ID: 2, Issue: 'ReDoS', Severity: 'low' } },
    ];
    const raw = parseYarnBerryAudit(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(scopedAudit(new Set(['next', 'ms']), 'high', raw)).toMatchObject({
      status: 'fail',
      vulnerabilities: [
        { name: 'next', severity: 'high', title: 'Cache poisoning' },
        { name: 'ms', severity: 'low' },
      ],
    });
    expect(parseYarnBerryAudit('')).toEqual({ vulnerabilities: new Map() });
    expect(parseYarnBerryAudit('Internal Error: 405')).toEqual({
      unavailable: 'yarn npm audit printed something other than JSON (Internal Error: 405)',
    });
  });

  it("reads bun audit JSON (package name → the registry's advisories)", () => {
    const raw = parseAuditJson(
      JSON.stringify({
        next: [
          { id: 1, severity: 'high', title: 'SSRF' },
          { id: 2, severity: 'low', title: 'x' },
        ],
        ms: [{ id: 3, severity: 'moderate' }],
      }),
      'bun',
    );
    expect(scopedAudit(new Set(['next']), 'high', raw)).toMatchObject({
      status: 'fail',
      vulnerabilities: [{ name: 'next', severity: 'high', title: 'SSRF' }],
    });
    expect(scopedAudit(new Set(['ms']), 'high', raw)).toMatchObject({
      status: 'pass',
      vulnerabilities: [{ name: 'ms', severity: 'moderate' }],
    });
  });

  it('is "unavailable", with the reason, when the registry refuses the audit or prints no JSON', () => {
    // What npm 11 prints when the registry has no audit endpoint (seen here: 405).
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    expect(scopedAudit(new Set(['next']), 'high', parseAuditJson(refused, 'npm'))).toMatchObject({
      status: 'unavailable',
      reason: 'npm audit failed: 405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
    });
    expect(parseAuditJson('npm ERR! network', 'npm')).toEqual({ unavailable: 'npm audit printed no JSON (offline?)' });
  });
});
