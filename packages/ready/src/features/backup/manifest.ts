/**
 * What a backup says about itself, uploaded after its dump: a backup without a manifest is not a
 * backup (an interrupted upload leaves no object that looks like one). The per-table figures are
 * taken in the same snapshot as the dump, so a restore of the dump must give them back exactly.
 */
export interface BackupManifest {
  version: 1;
  /** The object key of the dump, relative to the bucket. */
  dumpKey: string;
  database: string;
  /** PostgreSQL's server_version (e.g. "15.18") and the pg_dump that wrote the dump. */
  serverVersion: string;
  clientVersion: string;
  /** ISO time the snapshot was taken. */
  createdAt: string;
  /** Bytes of the dump (custom format, compressed). */
  size: number;
  sha256: string;
  tables: TableFigure[];
}

export interface TableFigure {
  /** schema.table */
  name: string;
  rows: number;
  /** The sum of a 60-bit slice of every row's md5 (pg.ts tableFigures): equal for equal contents, whatever the row order. */
  checksum: string;
}

export interface TableCheck {
  name: string;
  rows: number;
  expectedRows: number;
  ok: boolean;
  reason?: string;
}

/** Each table of the manifest against what the restore holds; tables the restore has beyond the manifest fail too. */
export function compareTables(expected: readonly TableFigure[], restored: readonly TableFigure[]): TableCheck[] {
  const found = new Map(restored.map((t) => [t.name, t]));
  const checks: TableCheck[] = expected.map((e) => {
    const r = found.get(e.name);
    if (!r) return { name: e.name, rows: 0, expectedRows: e.rows, ok: false, reason: 'missing from the restore' };
    if (r.rows !== e.rows)
      return { name: e.name, rows: r.rows, expectedRows: e.rows, ok: false, reason: `${r.rows} rows, the manifest says ${e.rows}` };
    if (r.checksum !== e.checksum)
      return { name: e.name, rows: r.rows, expectedRows: e.rows, ok: false, reason: 'contents differ from the manifest (checksum)' };
    return { name: e.name, rows: r.rows, expectedRows: e.rows, ok: true };
  });
  const known = new Set(expected.map((e) => e.name));
  for (const r of restored) {
    if (!known.has(r.name))
      checks.push({ name: r.name, rows: r.rows, expectedRows: 0, ok: false, reason: 'in the restore but not in the manifest' });
  }
  return checks.sort((a, b) => a.name.localeCompare(b.name));
}

/** A manifest read from storage, checked for the fields a restore relies on; null with the reason otherwise. */
export function parseManifest(text: string): { manifest: BackupManifest } | { problem: string } {
  let value: Partial<BackupManifest>;
  try {
    value = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    return { problem: 'the manifest is not JSON' };
  }
  const missing = (['dumpKey', 'database', 'createdAt', 'sha256'] as const).filter((k) => typeof value[k] !== 'string');
  if (typeof value.size !== 'number') missing.push('size' as never);
  if (!Array.isArray(value.tables)) missing.push('tables' as never);
  if (missing.length > 0) return { problem: `the manifest has no ${missing.join(', ')}` };
  return { manifest: value as BackupManifest };
}
