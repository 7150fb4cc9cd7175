import { workspaceRoot } from '@nx/devkit';
import { relative } from 'node:path';
import { TsError, countByCode } from '../../codemods/strict/diagnostics';
import { ProjectStrictResult } from './migrate-project';

const codes = (errors: TsError[]) =>
  countByCode(errors)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');

function where(file: string, root: string): string {
  return file.startsWith('/') ? relative(root, file) || file : file;
}

function list(lines: string[], title: string, errors: Array<TsError & { reason?: string }>, root: string): void {
  if (errors.length === 0) return;
  lines.push(`    ${title}: ${errors.length} (${codes(errors)})`);
  for (const e of errors) lines.push(`      ${where(e.file, root)}:${e.line} TS${e.code} ${e.message}${e.reason ? ` (${e.reason})` : ''}`);
}

/** The generator's report: per project, the tsconfig edits, then per tsconfig what was fixed, suppressed and left. */
export function renderStrictSummary(results: ProjectStrictResult[], root = workspaceRoot): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`strict  ${r.project}  (TypeScript ${r.typescriptVersion})`);
    if (r.alreadyStrict) {
      lines.push(`  ${r.alreadyStrict}`);
      continue;
    }
    for (const edit of r.configEdits) lines.push(`  ${edit.file}: ${edit.notes.join(', ')}`);
    for (const { config, flags, report } of r.reports) {
      const fixedTotal = Object.values(report.fixed).reduce((a, b) => a + b, 0);
      const flagText = r.allFlags ? 'all strict flags' : flags.join(', ');
      lines.push(
        `  ${config} (${flagText}): ${report.strictErrors.length} new error(s)${report.strictErrors.length ? `: ${codes(report.strictErrors)}` : ''}`,
      );
      const byFix = Object.entries(report.fixed)
        .map(([fix, n]) => `${fix} ${n}`)
        .join(', ');
      lines.push(
        `    fixed by code fixes: ${fixedTotal}${byFix ? ` (${byFix})` : ''}${report.explicitAny ? `; ${report.explicitAny} annotation(s) written as explicit any (no usage to infer from)` : ''}`,
      );
      for (const rb of report.rolledBack)
        lines.push(`    rolled back ${rb.fix} in ${where(rb.file, root)}: it added errors (the next fix was tried)`);
      lines.push(`    suppressed: ${report.suppressed.length}${report.suppressed.length ? ` (${codes(report.suppressed)})` : ''}`);
      for (const e of report.suppressed) lines.push(`      ${where(e.file, root)}:${e.line} TS${e.code} ${e.message}`);
      list(lines, 'pre-existing errors, not touched', report.preExisting, root);
      list(lines, 'new errors in files this command may not change (other projects, declarations, generated files)', report.outside, root);
      list(lines, 'could not be suppressed safely, left as they are', report.unplaced, root);
      list(
        lines,
        'still failing after the last round',
        report.remaining.filter((e) => !report.unplaced.some((u) => u.file === e.file && u.line === e.line)),
        root,
      );
      for (const file of report.skipped) lines.push(`    warning: ${where(file, root)} does not parse: skipped, left as it is`);
    }
    lines.push(`  files changed: ${r.filesChanged.length}${r.configEdits.length ? ` (+ ${r.configEdits.length} tsconfig)` : ''}`);
  }
  return lines.join('\n');
}
