import { ProjectGraph, detectPackageManager } from '@nx/devkit';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { firstLine } from '../../../utils/errors';
import { AuditLevel, AuditResult } from './types';

export const AUDIT_LEVELS: AuditLevel[] = ['info', 'low', 'moderate', 'high', 'critical'];

/**
 * The external packages the Nx project graph attributes to a project: its own npm dependencies,
 * those of the workspace libraries it depends on, and all of theirs, transitively.
 */
export function packagesInScope(graph: ProjectGraph, projectName: string): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>([projectName]);
  const queue = [projectName];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const dep of graph.dependencies[node] ?? []) {
      if (seen.has(dep.target)) continue;
      seen.add(dep.target);
      queue.push(dep.target);
      const external = graph.externalNodes?.[dep.target];
      if (external) names.add(external.data.packageName);
    }
  }
  return names;
}

export interface RawAudit {
  /** name → severity and title, for every vulnerable package of the lockfile. */
  vulnerabilities: Map<string, { severity: AuditLevel; title: string | null; direct: boolean }>;
}

/**
 * Runs the workspace package manager's audit in a child process, so the caller measures routes and
 * writes the package meanwhile; resolves to the reason instead when it cannot run.
 */
export async function runPackageManagerAudit(workspaceRoot: string): Promise<RawAudit | { unavailable: string }> {
  const pm = detectPackageManager(workspaceRoot);
  const lockfile = { npm: 'package-lock.json', pnpm: 'pnpm-lock.yaml', yarn: 'yarn.lock', bun: 'bun.lock' }[pm] ?? 'package-lock.json';
  if (!existsSync(join(workspaceRoot, lockfile))) return { unavailable: `no ${lockfile} to audit` };
  if (pm !== 'npm' && pm !== 'pnpm') return { unavailable: `${pm} audit output is not supported yet (npm and pnpm are)` };
  // The audit exits non-zero when it finds vulnerabilities: its JSON is the answer either way.
  const stdout = await new Promise<string | Error>((done) => {
    execFile(pm, ['audit', '--json'], { cwd: workspaceRoot, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 }, (error, out) =>
      done(error && !out ? error : out),
    );
  });
  if (stdout instanceof Error) return { unavailable: `${pm} audit could not run (${firstLine(stdout)})` };
  return parseAuditJson(stdout, pm);
}

/** Reads npm (v7+, auditReportVersion 2) or pnpm audit JSON. */
export function parseAuditJson(stdout: string, pm: 'npm' | 'pnpm'): RawAudit | { unavailable: string } {
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
    for (const [name, v] of Object.entries(json.vulnerabilities as Record<string, { severity: AuditLevel; isDirect?: boolean; via?: unknown[] }>)) {
      const advisory = (v.via ?? []).find((x): x is { title: string } => typeof x === 'object' && x !== null && 'title' in x);
      vulnerabilities.set(name, { severity: v.severity, title: advisory?.title ?? null, direct: Boolean(v.isDirect) });
    }
  } else if (json.advisories && typeof json.advisories === 'object') {
    for (const a of Object.values(json.advisories as Record<string, { module_name: string; severity: AuditLevel; title?: string }>)) {
      const prev = vulnerabilities.get(a.module_name);
      if (!prev || AUDIT_LEVELS.indexOf(a.severity) > AUDIT_LEVELS.indexOf(prev.severity)) {
        vulnerabilities.set(a.module_name, { severity: a.severity, title: a.title ?? null, direct: false });
      }
    }
  }
  return { vulnerabilities };
}

/** The audit restricted to the project's packages: fails at or above `level`, never crashes. */
export function scopedAudit(scope: Set<string>, level: AuditLevel, raw: RawAudit | { unavailable: string }): AuditResult {
  if ('unavailable' in raw) {
    return { status: 'unavailable', level, reason: raw.unavailable, vulnerabilities: [], packagesInScope: scope.size };
  }
  const vulnerabilities = [...raw.vulnerabilities]
    .filter(([name]) => scope.has(name))
    .map(([name, v]) => ({ name, severity: v.severity, direct: v.direct, title: v.title }))
    .sort((a, b) => AUDIT_LEVELS.indexOf(b.severity) - AUDIT_LEVELS.indexOf(a.severity) || a.name.localeCompare(b.name));
  const failing = vulnerabilities.some((v) => AUDIT_LEVELS.indexOf(v.severity) >= AUDIT_LEVELS.indexOf(level));
  return { status: failing ? 'fail' : 'pass', level, reason: null, vulnerabilities, packagesInScope: scope.size };
}
