import { readJsonFile } from '../../utils/json';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { CheckResult, CheckStatus } from '../../core/contracts/check';
import { ReadyError } from '../../utils/errors';

/** The committed per-project baseline `nx run <p>:ready --updateBaseline` writes, in the project's root. */
export const BASELINE_FILE = 'ready-baseline.json';

export interface ReadyBaseline {
  schemaVersion: 1;
  project: string;
  /** Each check's status and ratchet figures when the baseline was written. No time: the file is committed. */
  checks: Record<string, { status: CheckStatus; figures?: Record<string, number>; items?: string[] }>;
}

export interface BaselineComparison {
  /** What got worse than the baseline, in words: each one fails the gate. */
  worse: string[];
  /** What got better: the baseline could be tightened with --updateBaseline. */
  better: string[];
}

const RANK: Record<Exclude<CheckStatus, 'skip'>, number> = { pass: 0, warn: 1, fail: 2 };
const VERB: Record<Exclude<CheckStatus, 'skip'>, string> = { pass: 'passes', warn: 'warns', fail: 'fails' };

export function baselinePath(projectRoot: string): string {
  return posix.join(projectRoot, BASELINE_FILE);
}

/** The baseline of this run's results: what the ratchet will hold the project to from now on. */
export function baselineOf(project: string, results: CheckResult[]): ReadyBaseline {
  const checks: ReadyBaseline['checks'] = {};
  for (const r of [...results].sort((a, b) => a.id.localeCompare(b.id))) {
    const figures = Object.fromEntries(
      Object.entries(r.ratchet ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, f]) => [name, f.value]),
    );
    checks[r.id] = {
      status: r.status,
      ...(Object.keys(figures).length > 0 ? { figures } : {}),
      ...(r.items && r.items.length > 0 ? { items: [...r.items].sort() } : {}),
    };
  }
  return { schemaVersion: 1, project, checks };
}

export function renderBaseline(baseline: ReadyBaseline): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

/** The project's committed baseline, or null when it has none; a file that is not a baseline is a clear error. */
export function readBaseline(workspaceRoot: string, projectRoot: string): ReadyBaseline | null {
  const file = baselinePath(projectRoot);
  if (!existsSync(join(workspaceRoot, file))) return null;
  const parsed = readJsonFile<ReadyBaseline>(
    workspaceRoot,
    file,
    'restore it from git, or delete it and run "nx run <project>:ready --updateBaseline".',
  );
  if (parsed?.schemaVersion !== 1 || typeof parsed.checks !== 'object' || parsed.checks === null) {
    throw new ReadyError(
      `${file} is not a readiness baseline (schemaVersion 1 with "checks"): delete it and run "nx run <project>:ready --updateBaseline".`,
    );
  }
  return parsed;
}

/**
 * A failure that fails the project (a build that does not build, suites that do not load) is held
 * by a baseline in which its check failed already, as long as nothing it names is new.
 */
export function heldByBaseline(result: CheckResult, baseline: ReadyBaseline): boolean {
  const was = baseline.checks[result.id];
  if (!was || was.status !== 'fail') return false;
  const held = new Set(was.items ?? []);
  return (result.items ?? []).every((item) => held.has(item));
}

/**
 * What moved since the baseline. Worse: a check that now passes less (pass → warn → fail), a check
 * the baseline does not know that fails, a ratchet figure past its tolerance the wrong way. A check
 * that skipped (now or then) measured nothing and is not compared; a waived check is the waiver's.
 */
export function compareToBaseline(results: CheckResult[], baseline: ReadyBaseline): BaselineComparison {
  const worse: string[] = [];
  const better: string[] = [];
  for (const r of results) {
    if (r.waiver?.active || r.status === 'skip') continue;
    const was = baseline.checks[r.id];
    if (!was) {
      if (r.status === 'fail') worse.push(`${r.id} fails and is not in the baseline`);
      continue;
    }
    if (was.status !== 'skip') {
      if (RANK[r.status] > RANK[was.status]) worse.push(`${r.id} ${VERB[r.status]} (baseline: ${was.status})`);
      else if (RANK[r.status] < RANK[was.status]) better.push(`${r.id} ${VERB[r.status]} (baseline: ${was.status})`);
    }
    const held = new Set(was.items ?? []);
    const now = new Set(r.items ?? []);
    for (const item of now) if (!held.has(item)) worse.push(`${r.id}: ${item} fails and is not in the baseline`);
    for (const item of held) if (was.status === 'fail' && !now.has(item) && r.items) better.push(`${r.id}: ${item} no longer fails`);
    for (const [name, figure] of Object.entries(r.ratchet ?? {})) {
      const before = was.figures?.[name];
      if (typeof before !== 'number') continue;
      const delta = figure.better === 'higher' ? before - figure.value : figure.value - before;
      const text = `${r.id} ${name} ${figure.value} (baseline: ${before})`;
      if (delta > (figure.tolerance ?? 0)) worse.push(text);
      else if (delta < 0) better.push(text);
    }
  }
  return { worse, better };
}
