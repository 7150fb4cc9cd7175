import { expiredBackups, StoredBackup, unfinishedFolders } from './retention';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 3));
const daily = (days: number[]): StoredBackup[] =>
  days.map((d) => ({ key: `app/2026-01-${String(1 + d).padStart(2, '0')}/`, createdAt: day(d) }));

describe('retention', () => {
  it('deletes what is older than the retention and beyond the minimum count, over a sequence of days', () => {
    const kept: string[][] = [];
    let stored: StoredBackup[] = [];
    for (let today = 0; today < 45; today++) {
      stored.push(...daily([today]));
      const gone = new Set(expiredBackups(stored, { retentionDays: 30, keepMin: 7 }, day(today)).map((b) => b.key));
      stored = stored.filter((b) => !gone.has(b.key));
      kept.push(stored.map((b) => b.key));
    }
    // Day 44 keeps the backups of days 14..44: 31 backups, none older than 30 days.
    expect(kept[44]).toHaveLength(31);
    expect(kept[44][0]).toBe('app/2026-01-15/');
    // Before day 31 nothing was old enough to go.
    expect(kept[30]).toHaveLength(31);
  });

  it('keeps the minimum count whatever their age, and never the newest', () => {
    const old = daily([0, 1, 2, 3, 4]);
    expect(expiredBackups(old, { retentionDays: 1, keepMin: 3 }, day(100)).map((b) => b.key)).toEqual([
      'app/2026-01-02/',
      'app/2026-01-01/',
    ]);
    expect(expiredBackups(old, { retentionDays: 1, keepMin: 0 }, day(100))).toHaveLength(4);
    expect(expiredBackups(daily([0]), { retentionDays: 0, keepMin: 0 }, day(100))).toEqual([]);
  });
});

describe('unfinished backup folders', () => {
  const at = (hoursAgo: number) => new Date(day(10).getTime() - hoursAgo * 3_600_000);
  it('are folders without a manifest untouched for a day; the verification records and backups still uploading stay', () => {
    const objects = [
      { key: 'app/2026-01-01/database.dump', size: 9, lastModified: at(48) },
      { key: 'app/2026-01-01/manifest.json', size: 1, lastModified: at(48) },
      { key: 'app/2026-01-02/database.dump', size: 9, lastModified: at(30) },
      { key: 'app/2026-01-03/database.dump', size: 9, lastModified: at(2) },
      { key: 'app/verifications/latest.json', size: 1, lastModified: at(400) },
      { key: 'other/2026-01-02/database.dump', size: 9, lastModified: at(30) },
    ];
    expect(unfinishedFolders('app/', objects, day(10))).toEqual(['app/2026-01-02/']);
  });
});
