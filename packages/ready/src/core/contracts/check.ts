import type { AuditLevel } from './audit';
import type { ProjectGraph, TargetConfiguration } from '@nx/devkit';
import { ReadTree, diskTree, memoTree } from '../workspace/files';
import { findMatchingProjects } from '../workspace/nx-internals';

/**
 * The check contract. A check measures one readiness gap of one project and names the command
 * that closes it. Checks read files and the results of other targets; they never write source.
 */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export type SkipKind = 'does not apply' | 'not measured';

export interface CheckDetail {
  message: string;
  /** Workspace-relative path. */
  file?: string;
  line?: number;
}

export interface CheckMetric {
  /** The measured figure, e.g. 3 (flags off) or 22 (percent covered). */
  value: number;
  unit: string;
  /** The figure in words, as the report shows it: "3 of 9 strict flags off". */
  text: string;
}

export interface CheckResult<Data = unknown> {
  id: string;
  title: string;
  status: CheckStatus;
  /**
   * Why a `skip` measured nothing: the check's subject does not exist in the project ("does not
   * apply": a config package has no code to test), or it does and could not be measured ("not
   * measured": no build yet, the registry did not answer), which names the step that measures it.
   */
  skipped?: SkipKind;
  /** 0–100; ignored in the project's score when the status is `skip`. */
  score: number;
  weight: number;
  metric: CheckMetric | null;
  details: CheckDetail[];
  /** The command that closes the gap (or produces the missing input, for `skip`). */
  fix: string | null;
  /** Structured figures for dashboards (route sizes, coverage by metric): each check exports its type. */
  data?: Data;
  /**
   * A failure that fails the project whatever its score (a build that does not build): the report
   * lists it among its failures, and no waiver or weight hides it.
   */
  failsProject?: string;
  /**
   * The failing things by name (the test suites that do not load): a baseline holds each one, so one
   * that failed before and still does is not worse, and a new one is.
   */
  items?: string[];
  /**
   * This check's status in the committed baseline the report was judged against ("new" when the
   * baseline does not know the check); absent when there was no baseline.
   */
  baseline?: CheckStatus | 'new';
  /** A waiver from the project's configuration that covers this check. */
  waiver?: { reason: string; expires: string; active: boolean };
  /**
   * Figures the readiness baseline holds (`ready --updateBaseline`): with a baseline, one that moves
   * the wrong way past its tolerance fails the gate. Noisy figures (build time) are never listed.
   */
  ratchet?: Record<string, RatchetFigure>;
}

export interface RatchetFigure {
  value: number;
  better: 'higher' | 'lower';
  /** How far it may move the wrong way before it counts as worse (default 0). */
  tolerance?: number;
}

export interface CheckOptions {
  coverage?: {
    lines?: number;
    statements?: number;
    functions?: number;
    branches?: number;
    changedLines?: number;
    tolerance?: number;
    base?: string;
  };
  budgets?: { firstLoadJsKb?: number; routes?: Record<string, number> };
  maxBuildSeconds?: number;
  auditLevel?: AuditLevel;
  audit?: boolean;
  /** ready depends on build-record, so the build's recorded outcome is this run's. */
  buildRecorded?: boolean;
  /** ready depends on smoke-record, so its record is this run's (the smoke checks run only then). */
  smokeRecorded?: boolean;
  /** Names of the targets the checks look for (they are plugin options too). */
  targetNames?: {
    ready?: string;
    test?: string;
    build?: string;
    buildRecord?: string;
    coverageReport?: string;
    buildProduction?: string;
    smoke?: string;
    smokeRecord?: string;
    lint?: string;
    typecheck?: string;
  };
}

export interface TargetRun {
  success: boolean;
  output: string;
}

export interface CheckContext {
  workspaceRoot: string;
  projectName: string;
  /** Workspace-relative, '/'-separated. */
  projectRoot: string;
  projectType?: 'application' | 'library';
  /** Workspace-relative folder where this project's result files live (dist/ready/<root>). */
  resultsDir: string;
  options?: CheckOptions;
  /** The project's targets as Nx resolved them (inferred ones included). */
  targets?: Record<string, TargetConfiguration>;
  projectGraph?: ProjectGraph;
  /** Runs one of the project's targets and reports whether it passed (lint, typecheck). */
  runTarget?: (target: string) => Promise<TargetRun>;
}

/** What a check's `run` returns; the runner adds id, title and weight. */
export type CheckOutcome<Data = unknown> = Omit<CheckResult<Data>, 'id' | 'title' | 'weight'>;

export interface Check<Data = unknown> {
  id: string;
  title: string;
  /** Relative importance in the score, overridable by the `weights` option. */
  defaultWeight: number;
  run(context: CheckContext): Promise<CheckOutcome<Data>> | CheckOutcome<Data>;
}

/** `nx run <project>:<target>`, or null where the project has no such target: a fix never names one it lacks. */
export function runCommand(context: Pick<CheckContext, 'projectName' | 'targets'>, target: string): string | null {
  if (context.targets && !context.targets[target]) return null;
  return `nx run ${context.projectName}:${target}`;
}

/** A fix that is a command to run (`nx g …`, `pnpm add …`), as opposed to a step to take ("add tests for …"). */
export function isCommand(fix: string): boolean {
  return /^(nx|npx|npm|pnpm|yarn|bun|bunx|git|tsc|cd)\s/.test(fix);
}

/** A fix as markdown: a command in backticks, a step as words. */
export function fixMarkdown(fix: string): string {
  return isCommand(fix) ? `\`${fix}\`` : fix;
}

/**
 * The project as a person types it in a fix: `web` for `@ws/web` where the generators' own
 * resolution (Nx's project matcher) finds that one project by it, else the full name.
 */
export function projectArg(context: Pick<CheckContext, 'projectName' | 'projectGraph'>): string {
  const name = context.projectName;
  const short = name.replace(/^@[^/]+\//, '');
  const nodes = context.projectGraph?.nodes ?? {};
  if (short === name || !nodes[name]) return name;
  const projects = Object.fromEntries(Object.entries(nodes).map(([n, node]) => [n, node.data]));
  const found = findMatchingProjects(short, projects);
  return found.length === 1 && found[0] === name ? short : name;
}

/** A check: its id, title and default weight, and how it measures one project. */
export function defineCheck<Data = unknown>(about: Omit<Check, 'run'>, run: Check<Data>['run']): Check<Data> {
  return { ...about, run };
}

const runMemos = new WeakMap<CheckContext, Map<string, unknown>>();

/**
 * What the checks of one run share, computed once per context: the first check that asks computes
 * it (a promise is shared as it is, so two checks awaiting one build measure run it once).
 */
export function perRun<T>(context: CheckContext, key: string, compute: () => T): T {
  let memo = runMemos.get(context);
  if (!memo) runMemos.set(context, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}

/**
 * The workspace as the checks of one run read it: one tree per context, so every check that reads
 * the project's sources shares one walk, one read and (through the codemods) one parse per file.
 */
export function checkTree(context: CheckContext): ReadTree {
  return perRun(context, 'tree', () => memoTree(diskTree(context.workspaceRoot)));
}

/**
 * Why a skip measured nothing: what the check said, else by its fix (a skip that names the step
 * that measures it was "not measured"; one with nothing to do "does not apply").
 */
export function skipKind(check: Pick<CheckResult, 'skipped' | 'fix'>): SkipKind {
  return check.skipped ?? (check.fix === null ? 'does not apply' : 'not measured');
}

/** A check applies unless its subject is not in the project (a skip that could not measure is a gap, not "does not apply"). */
export function applies(check: Pick<CheckResult, 'status' | 'skipped' | 'fix'>): boolean {
  return check.status !== 'skip' || skipKind(check) !== 'does not apply';
}

/**
 * A check that measured nothing: with a fix (the command that produces what it needs), "not
 * measured"; without one, its subject is not there and it "does not apply".
 */
export function skip(reason: string, fix: string | null = null): CheckOutcome<never> {
  return {
    status: 'skip',
    skipped: skipKind({ fix }),
    score: 0,
    metric: null,
    details: [{ message: reason }],
    fix,
  };
}
