import { CheckResult } from './check';

export const READY_SCHEMA_VERSION = 1;

/** The report files of a project, in its results folder. */
export const READY_JSON_FILE = 'ready.json';
export const READY_MD_FILE = 'ready.md';

/** The content of ready.json. Versioned: a field is only ever added, a change bumps schemaVersion. */
export interface ReadyReport {
  schemaVersion: typeof READY_SCHEMA_VERSION;
  project: string;
  projectRoot: string;
  score: number;
  minScore: number;
  /** The highest level whose checks all pass (bronze, silver, gold), or null. */
  level: 'bronze' | 'silver' | 'gold' | null;
  minLevel: 'bronze' | 'silver' | 'gold' | null;
  status: 'pass' | 'fail';
  /** Why the gate failed: failing checks, score, level, expired waivers, what got worse than the baseline. Empty when it passed. */
  failures: string[];
  /** What decided the gate, in words ("ready", "not ready: coverage and scripts fail", "held by baseline: …"). */
  verdict: {
    headline: string;
    /** `checks`: no baseline, so every check must pass and the score and level reach their minimums. */
    decidedBy: 'checks' | 'baseline';
    /** Workspace-relative baseline file the run compared with (or wrote, with --updateBaseline). */
    baseline: string | null;
    /** Checks that fail (waived ones aside). */
    failing: string[];
    worse: string[];
    better: string[];
  };
  /** Checks that apply to the project (a skip with no fix does not apply), of those that ran. */
  applies: number;
  /** The level above the project's, and the checks it still needs; null at gold. */
  nextLevel: { level: 'bronze' | 'silver' | 'gold'; needs: string[] } | null;
  generatedAt: string;
  generator: { name: '@plinto/ready'; version: string };
  checks: CheckResult[];
}
