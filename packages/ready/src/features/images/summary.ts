import { ProjectConversion } from './convert-project';
import { textTable } from '../../utils/format';

/** The table the generator prints: converted, skipped by reason, warnings, config edits, per project. */
export function renderConversionSummary(results: ProjectConversion[]): string {
  const rows = [['project', 'files read', 'parsed', 'converted', 'skipped', 'warnings', 'config edits']];
  for (const r of results) {
    rows.push([
      r.project,
      String(r.filesRead),
      String(r.filesParsed),
      String(r.changes.length),
      String(r.skips.length),
      String(r.warnings.length),
      String(r.configEdits.length),
    ]);
  }
  const out = textTable(rows);
  for (const r of results) {
    const byReason = new Map<string, number>();
    for (const s of r.skips) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
    if (byReason.size > 0) out.push(`${r.project} skipped by reason: ${[...byReason].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    for (const c of r.changes) out.push(`  converted ${c.file}:${c.line}: ${c.message}`);
    for (const s of r.skips) out.push(`  skipped   ${s.file}:${s.line}: ${s.message}`);
    for (const w of r.warnings) out.push(`  warning   ${w.file}:${w.line}: ${w.message}`);
    for (const e of r.configEdits) out.push(`  config    ${e}`);
    for (const n of r.configNotes) out.push(`  note      ${n}`);
  }
  return out.join('\n');
}
