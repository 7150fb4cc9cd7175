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
  /** Why the gate failed: score, level, expired waivers. Empty when it passed. */
  failures: string[];
  generatedAt: string;
  generator: { name: '@plinto/ready'; version: string };
  checks: CheckResult[];
}
