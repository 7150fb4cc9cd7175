import { ProjectGraph } from '@nx/devkit';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AUDIT_LEVELS, AuditLevel, AuditResult } from '../../core/contracts/audit';
import { lockfileName, packageManagerAt } from '../../core/workspace/package-manager';
import { externalPackages } from '../../core/workspace/project-graph';
import { AUDIT_NOTE_FILE } from './files';
import { RawAudit, runPackageManagerAudit } from './package-manager-audit';
import { readJsonIfValid } from '../../utils/json';

/** The audit restricted to the project's packages: fails at or above `level`, never crashes. */
export function scopedAudit(scope: Set<string>, level: AuditLevel, raw: RawAudit | { unavailable: string }): AuditResult {
  return judgeAudit(scopeAudit(scope, raw, null), level);
}

/** What the `security-audit` target records: the project's vulnerable packages at every level. */
export interface StoredAudit {
  schemaVersion: 1;
  /** The lockfile audited and its sha256: a result is only reused for the same lockfile. */
  lockfile: { path: string; sha256: string } | null;
  /** A sentence that stays the same from run to run ("the registry gave no audit answer"), or null. */
  unavailable: string | null;
  vulnerabilities: AuditResult['vulnerabilities'];
  packagesInScope: number;
  /** What the registry said this time, and when it is asked again: kept in AUDIT_NOTE_FILE, never in the record. */
  detail?: string;
}

/** The record as written: the same bytes for the same lockfile and advisories, whatever the network did. */
export function recordText(stored: StoredAudit): string {
  const { detail: _detail, ...record } = stored;
  return JSON.stringify(record, null, 2) + '\n';
}

/** The sentence an unavailable audit is recorded under, by package manager. */
export function unavailableSentence(workspaceRoot: string): string {
  return `the registry gave no ${packageManagerAt(workspaceRoot).name} audit answer`;
}

/** How long a recorded audit stands in for a new one (advisories appear every day). */
export const AUDIT_MAX_AGE_MS = 60 * 60 * 1000;

export function scopeAudit(scope: Set<string>, raw: RawAudit | { unavailable: string }, lockfile: StoredAudit['lockfile']): StoredAudit {
  if ('unavailable' in raw)
    return { schemaVersion: 1, lockfile, unavailable: raw.unavailable, vulnerabilities: [], packagesInScope: scope.size };
  const vulnerabilities = [...raw.vulnerabilities]
    .filter(([name]) => scope.has(name))
    .map(([name, v]) => ({ name, severity: v.severity, direct: v.direct, title: v.title }))
    .sort((a, b) => AUDIT_LEVELS.indexOf(b.severity) - AUDIT_LEVELS.indexOf(a.severity) || a.name.localeCompare(b.name));
  return { schemaVersion: 1, lockfile, unavailable: null, vulnerabilities, packagesInScope: scope.size };
}

export function judgeAudit(stored: StoredAudit, level: AuditLevel): AuditResult {
  if (stored.unavailable !== null) {
    return { status: 'unavailable', level, reason: unavailableText(stored), vulnerabilities: [], packagesInScope: stored.packagesInScope };
  }
  const failing = stored.vulnerabilities.some((v) => AUDIT_LEVELS.indexOf(v.severity) >= AUDIT_LEVELS.indexOf(level));
  return {
    status: failing ? 'fail' : 'pass',
    level,
    reason: null,
    vulnerabilities: stored.vulnerabilities,
    packagesInScope: stored.packagesInScope,
  };
}

function lockfileOf(workspaceRoot: string): StoredAudit['lockfile'] {
  const pm = packageManagerAt(workspaceRoot);
  const path = pm.lockfile ?? lockfileName(pm.name);
  try {
    return {
      path,
      sha256: createHash('sha256')
        .update(readFileSync(join(workspaceRoot, path)))
        .digest('hex'),
    };
  } catch {
    return null;
  }
}

/**
 * Runs the package manager's audit and keeps the project's part of it. A registry that did not
 * answer (a mirror without the audit endpoint, no network) is remembered for this lockfile for a
 * day, so every run does not wait for it again.
 */
export async function auditProject(workspaceRoot: string, graph: ProjectGraph, projectName: string): Promise<StoredAudit> {
  const lockfile = lockfileOf(workspaceRoot);
  const remembered = lockfile ? rememberedUnavailable(workspaceRoot, lockfile.sha256) : null;
  const raw = remembered ? { unavailable: remembered } : await runPackageManagerAudit(workspaceRoot);
  if (lockfile && !remembered) rememberUnavailable(workspaceRoot, lockfile.sha256, 'unavailable' in raw ? raw.unavailable : null);
  const stored = scopeAudit(externalPackages(graph, projectName), raw, lockfile);
  return stored.unavailable === null ? stored : { ...stored, unavailable: unavailableSentence(workspaceRoot), detail: stored.unavailable };
}

/** How long "the registry gave no audit answer" holds for an unchanged lockfile. */
export const UNAVAILABLE_MEMORY_MS = 24 * 3600 * 1000;

/** Outside the workspace (nothing to commit or ignore), one file per workspace. */
export function unavailableMemoryFile(workspaceRoot: string): string {
  const key = createHash('sha256').update(workspaceRoot).digest('hex').slice(0, 16);
  return join(tmpdir(), 'plinto-ready-audit', `${key}.json`);
}

function rememberedUnavailable(workspaceRoot: string, sha256: string, now = Date.now()): string | null {
  try {
    const m = readJsonIfValid<{ sha256: string; reason: string; at: number }>(unavailableMemoryFile(workspaceRoot));
    if (!m || m.sha256 !== sha256 || now - m.at > UNAVAILABLE_MEMORY_MS) return null;
    const again = new Date(m.at + UNAVAILABLE_MEMORY_MS).toISOString().slice(0, 16).replace('T', ' ');
    return `${m.reason} (remembered for this lockfile; asked again after ${again} UTC or when the lockfile changes)`;
  } catch {
    return null;
  }
}

function rememberUnavailable(workspaceRoot: string, sha256: string, reason: string | null): void {
  const file = unavailableMemoryFile(workspaceRoot);
  try {
    if (reason === null) rmSync(file, { force: true });
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ sha256, reason, at: Date.now() }));
    }
  } catch {
    // A memory that cannot be kept costs time on the next run, nothing else.
  }
}

/**
 * The audit the `security-audit` target recorded (it runs beside the build), when it is of the
 * current lockfile and under an hour old; null otherwise, and the caller audits itself.
 */
export function readRecordedAudit(workspaceRoot: string, path: string): StoredAudit | null {
  const file = join(workspaceRoot, path);
  try {
    if (Date.now() - statSync(file).mtimeMs > AUDIT_MAX_AGE_MS) return null;
    const stored = readJsonIfValid<StoredAudit>(file);
    const lockfile = lockfileOf(workspaceRoot);
    if (!stored || stored.schemaVersion !== 1 || !lockfile || stored.lockfile?.sha256 !== lockfile.sha256) return null;
    const note = join(dirname(file), AUDIT_NOTE_FILE);
    if (stored.unavailable !== null && existsSync(note)) stored.detail = readFileSync(note, 'utf8').trim();
    return stored;
  } catch {
    return null;
  }
}

export function describeAudit(stored: StoredAudit): string {
  if (stored.unavailable !== null) return `audit unavailable: ${unavailableText(stored)}`;
  if (stored.vulnerabilities.length === 0) return `no known vulnerability in the project's ${stored.packagesInScope} package(s)`;
  const counts = [...AUDIT_LEVELS]
    .reverse()
    .map((l) => [l, stored.vulnerabilities.filter((v) => v.severity === l).length] as const)
    .filter(([, n]) => n > 0);
  return `${stored.vulnerabilities.length} vulnerable package(s) of ${stored.packagesInScope}: ${counts.map(([l, n]) => `${n} ${l}`).join(', ')}`;
}

function unavailableText(stored: StoredAudit): string {
  return stored.detail ? `${stored.unavailable}: ${stored.detail}` : (stored.unavailable ?? '');
}
