import { ProjectConversion } from './convert-project';
import { textTable } from '../../utils/format';
import { skipsByReason } from '../../codemods/run';

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
    if (r.skips.length > 0) out.push(`${r.project} skipped by reason: ${skipsByReason(r.skips)}`);
    for (const c of r.changes) out.push(`  converted ${c.file}:${c.line}: ${c.message}`);
    for (const s of r.skips) out.push(`  skipped   ${s.file}:${s.line}: ${s.message}`);
    for (const w of r.warnings) out.push(`  warning   ${w.file}:${w.line}: ${w.message}`);
    for (const e of r.configEdits) out.push(`  config    ${e}`);
    for (const n of r.configNotes) out.push(`  note      ${n}`);
  }
  return out.join('\n');
}
