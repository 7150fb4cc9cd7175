import { ProjectGraph, detectPackageManager } from '@nx/devkit';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { constants, setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { firstLine } from '../../utils/errors';
import { externalPackages } from '../../core/workspace/project-graph';
import { workspaceLockfile } from '../../core/workspace/package-manager';
import { AuditLevel, AuditResult } from './types';
import { AUDIT_NOTE_FILE } from './files';

export const AUDIT_LEVELS: AuditLevel[] = ['info', 'low', 'moderate', 'high', 'critical'];

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
  const lockfile = workspaceLockfile(workspaceRoot);
  if (!existsSync(join(workspaceRoot, lockfile))) return { unavailable: `no ${lockfile} to audit` };
  const berry = pm === 'yarn' && !isYarnClassic(workspaceRoot);
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

/** Yarn classic (1.x) writes yarn.lock v1 ("# yarn lockfile v1"); berry's lockfile is YAML with __metadata. */
function isYarnClassic(workspaceRoot: string): boolean {
  try {
    return !readFileSync(join(workspaceRoot, 'yarn.lock'), 'utf8').includes('__metadata:');
  } catch {
    return true;
  }
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
  return `the registry gave no ${detectPackageManager(workspaceRoot)} audit answer`;
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
  const path = workspaceLockfile(workspaceRoot);
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

/** How long the package manager's audit may take: a registry that answers does so in seconds. */
export const AUDIT_TIMEOUT_MS = 20_000;
/** How long "the registry gave no audit answer" holds for an unchanged lockfile. */
export const UNAVAILABLE_MEMORY_MS = 24 * 3600 * 1000;

/** Outside the workspace (nothing to commit or ignore), one file per workspace. */
export function unavailableMemoryFile(workspaceRoot: string): string {
  const key = createHash('sha256').update(workspaceRoot).digest('hex').slice(0, 16);
  return join(tmpdir(), 'plinto-ready-audit', `${key}.json`);
}

function rememberedUnavailable(workspaceRoot: string, sha256: string, now = Date.now()): string | null {
  try {
    const m = JSON.parse(readFileSync(unavailableMemoryFile(workspaceRoot), 'utf8')) as { sha256: string; reason: string; at: number };
    if (m.sha256 !== sha256 || now - m.at > UNAVAILABLE_MEMORY_MS) return null;
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
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredAudit;
    const lockfile = lockfileOf(workspaceRoot);
    if (stored.schemaVersion !== 1 || !lockfile || stored.lockfile?.sha256 !== lockfile.sha256) return null;
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
