import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { join } from 'node:path';
import { AUDIT_LEVELS, AuditLevel } from '../../core/contracts/audit';
import { lockfileName, packageManagerAt } from '../../core/workspace/package-manager';
import { firstLine } from '../../utils/errors';

export interface RawAudit {
  /** name → severity and title, for every vulnerable package of the lockfile. */
  vulnerabilities: Map<string, { severity: AuditLevel; title: string | null; direct: boolean }>;
}

/**
 * Runs the workspace package manager's audit in a child process, so the caller measures routes and
 * writes the package meanwhile; resolves to the reason instead when it cannot run.
 */
export async function runPackageManagerAudit(workspaceRoot: string): Promise<RawAudit | { unavailable: string }> {
  const { name: pm, flavour, lockfile } = packageManagerAt(workspaceRoot);
  if (!lockfile || !existsSync(join(workspaceRoot, lockfile))) return { unavailable: `no ${lockfile ?? lockfileName(pm)} to audit` };
  const berry = flavour === 'yarn-berry';
  // The audit exits non-zero when it finds vulnerabilities: its JSON is the answer either way.
  const stdout = await new Promise<string | Error>((done) => {
    const child = execFile(
      pm,
      berry ? ['npm', 'audit', '--all', '--recursive', '--json'] : ['audit', '--json'],
      { cwd: workspaceRoot, env: process.env, encoding: 'utf8', timeout: AUDIT_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 },
      (error, out) => done(error && !out ? error : out),
    );
    // It runs beside the build (the security-audit task): mostly network waiting, it must not take
    // CPU from the build, which it would on a 2-core CI machine. Its own children inherit this.
    try {
      if (child.pid) setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // Not permitted here: it then runs at normal priority.
    }
  });
  if (stdout instanceof Error) {
    const killed = (stdout as Error & { killed?: boolean }).killed;
    return {
      unavailable: killed
        ? `${pm} audit gave no answer within ${AUDIT_TIMEOUT_MS / 1000} s`
        : `${pm} audit could not run (${firstLine(stdout)})`,
    };
  }
  if (berry) return parseYarnBerryAudit(stdout);
  if (pm === 'yarn') return parseYarnClassicAudit(stdout);
  return parseAuditJson(stdout, pm);
}

/** Yarn classic's `audit --json`: one JSON object per line, an `auditAdvisory` per finding. */
export function parseYarnClassicAudit(stdout: string): RawAudit | { unavailable: string } {
  const vulnerabilities: RawAudit['vulnerabilities'] = new Map();
  let summary = false;
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    let event: { type?: string; data?: { advisory?: { module_name: string; severity: AuditLevel; title?: string } } | string };
    try {
      event = JSON.parse(line);
    } catch {
      continue;
    }
    if (event.type === 'auditSummary') summary = true;
    if (event.type === 'error') return { unavailable: `yarn audit failed: ${String(event.data)}` };
    const a = event.type === 'auditAdvisory' && typeof event.data === 'object' ? event.data.advisory : undefined;
    if (a) addFinding(vulnerabilities, a.module_name, a.severity, a.title ?? null);
  }
  return summary || vulnerabilities.size > 0 ? { vulnerabilities } : { unavailable: 'yarn audit printed no audit summary (offline?)' };
}

/**
 * Yarn berry's `yarn npm audit --json`: one line per vulnerable package, `{ value: name, children:
 * { Issue, Severity, … } }`; nothing at all when there is nothing to report.
 */
export function parseYarnBerryAudit(stdout: string): RawAudit | { unavailable: string } {
  const vulnerabilities: RawAudit['vulnerabilities'] = new Map();
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    let entry: { value?: string; children?: { Issue?: string; Severity?: AuditLevel } };
    try {
      entry = JSON.parse(line);
    } catch {
      return { unavailable: `yarn npm audit printed something other than JSON (${line.trim().slice(0, 120)})` };
    }
    const severity = entry.children?.Severity;
    if (entry.value && severity && AUDIT_LEVELS.includes(severity))
      addFinding(vulnerabilities, entry.value, severity, entry.children?.Issue ?? null);
  }
  return { vulnerabilities };
}

function addFinding(into: RawAudit['vulnerabilities'], name: string, severity: AuditLevel, title: string | null): void {
  const prev = into.get(name);
  if (!prev || AUDIT_LEVELS.indexOf(severity) > AUDIT_LEVELS.indexOf(prev.severity)) into.set(name, { severity, title, direct: false });
}

/**
 * Reads npm (v7+, auditReportVersion 2), pnpm (`advisories`) or bun (package name → its advisories,
 * the registry's bulk format) audit JSON.
 */
export function parseAuditJson(stdout: string, pm: 'npm' | 'pnpm' | 'bun'): RawAudit | { unavailable: string } {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { unavailable: `${pm} audit printed no JSON (offline?)` };
  }
  if (json.error || (json.message && !json.vulnerabilities && !json.advisories)) {
    const err = (json.error as { summary?: string; code?: string } | undefined) ?? {};
    return { unavailable: `${pm} audit failed: ${err.summary || err.code || json.message || 'unknown error'}` };
  }
  const vulnerabilities: RawAudit['vulnerabilities'] = new Map();
  if (json.vulnerabilities && typeof json.vulnerabilities === 'object') {
    for (const [name, v] of Object.entries(
      json.vulnerabilities as Record<string, { severity: AuditLevel; isDirect?: boolean; via?: unknown[] }>,
    )) {
      const advisory = (v.via ?? []).find((x): x is { title: string } => typeof x === 'object' && x !== null && 'title' in x);
      vulnerabilities.set(name, { severity: v.severity, title: advisory?.title ?? null, direct: Boolean(v.isDirect) });
    }
  } else if (json.advisories && typeof json.advisories === 'object') {
    for (const a of Object.values(json.advisories as Record<string, { module_name: string; severity: AuditLevel; title?: string }>)) {
      addFinding(vulnerabilities, a.module_name, a.severity, a.title ?? null);
    }
  } else if (pm === 'bun') {
    for (const [name, list] of Object.entries(json)) {
      if (!Array.isArray(list)) continue;
      for (const a of list as Array<{ severity?: AuditLevel; title?: string }>) {
        if (a && AUDIT_LEVELS.includes(a.severity as AuditLevel)) addFinding(vulnerabilities, name, a.severity!, a.title ?? null);
      }
    }
  }
  return { vulnerabilities };
}

/** How long the package manager's audit may take: a registry that answers does so in seconds. */
export const AUDIT_TIMEOUT_MS = 20_000;
