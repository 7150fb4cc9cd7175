import { CheckResult } from '../../core/contracts/check';
import { ReadyError } from '../../utils/errors';

export interface Waiver {
  check: string;
  reason: string;
  /** Last day the waiver holds, YYYY-MM-DD (UTC). */
  expires: string;
}

/**
 * Puts the project's waivers on its check results. A waiver holds through the end of its expiry
 * day (UTC); after that it is marked expired, and an expired waiver fails the gate by itself, so
 * that nobody forgets to renew or remove it.
 */
export function applyWaivers(results: CheckResult[], waivers: Waiver[] | undefined, now: Date): string[] {
  const expired: string[] = [];
  for (const w of waivers ?? []) {
    const result = results.find((r) => r.id === w.check);
    if (!w.check || !w.reason || !w.expires) {
      throw new ReadyError(
        `A waiver in the ready target's options lacks check, reason or expires: write { "check": "<id>", "reason": "<why>", "expires": "YYYY-MM-DD" }.`,
      );
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(w.expires) || Number.isNaN(Date.parse(`${w.expires}T00:00:00Z`))) {
      throw new ReadyError(`The waiver for "${w.check}" expires on "${w.expires}", which is not a date: write it as YYYY-MM-DD.`);
    }
    if (!result) {
      throw new ReadyError(
        `A waiver names the check "${w.check}", which this ready run does not have: use one of ${results.map((r) => r.id).join(', ')}.`,
      );
    }
    const active = now.getTime() < Date.parse(`${w.expires}T00:00:00Z`) + 24 * 3600 * 1000;
    result.waiver = { reason: w.reason, expires: w.expires, active };
    if (!active)
      expired.push(
        `the waiver for "${w.check}" expired on ${w.expires} (${w.reason}): fix the check, or change "expires" of that waiver in the ready target's options (project.json or nx.json)`,
      );
  }
  return expired;
}
