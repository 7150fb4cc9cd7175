import { CheckResult, applies } from '../../core/contracts/check';
import { ReadyError } from '../../utils/errors';

export const LEVEL_ORDER = ['bronze', 'silver', 'gold'] as const;
export type Level = (typeof LEVEL_ORDER)[number];

/**
 * The checks each level adds; a level requires its own checks and those of every level below.
 * Checks a run does not have (not built yet, or left out with `checks`) are not required.
 */
export const DEFAULT_LEVELS: Record<Level, string[]> = {
  bronze: ['build', 'tests', 'typecheck'],
  silver: ['lint', 'coverage', 'images', 'env', 'security-headers'],
  gold: ['typescript-strict', 'bundle-size', 'security-audit', 'code-splitting', 'scripts', 'backup', 'smoke'],
};

/** A check meets its level when it passes, is waived (unexpired), or does not apply. */
export function meetsLevel(check: CheckResult): boolean {
  if (check.waiver?.active) return true;
  return check.status === 'pass' || !applies(check);
}

export function normalizeLevels(levels?: Record<string, string[]>): Record<Level, string[]> {
  for (const name of Object.keys(levels ?? {})) {
    if (!(LEVEL_ORDER as readonly string[]).includes(name)) {
      throw new ReadyError(`Unknown level "${name}" in the ready target's "levels" option: use bronze, silver or gold.`);
    }
  }
  return { ...DEFAULT_LEVELS, ...(levels as Partial<Record<Level, string[]>>) };
}

/** The highest level whose checks, and those of the levels below, all meet; null under bronze. */
export function computeLevel(
  checks: CheckResult[],
  levels: Record<Level, string[]>,
): { level: Level | null; blocking: Record<Level, string[]> } {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const blocking = {} as Record<Level, string[]>;
  let level: Level | null = null;
  let stillClimbing = true;
  for (const name of LEVEL_ORDER) {
    blocking[name] = levels[name].filter((id) => byId.has(id) && !meetsLevel(byId.get(id)!));
    if (stillClimbing && blocking[name].length === 0) level = name;
    else stillClimbing = false;
  }
  return { level, blocking };
}

export function levelAtLeast(level: Level | null, min: string): boolean {
  if (!(LEVEL_ORDER as readonly string[]).includes(min)) {
    throw new ReadyError(`Unknown minLevel "${min}" in the ready target's options: use bronze, silver or gold.`);
  }
  return level !== null && LEVEL_ORDER.indexOf(level) >= LEVEL_ORDER.indexOf(min as Level);
}
