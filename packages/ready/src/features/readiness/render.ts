import { markdownTable } from '../../utils/markdown';
import { CheckResult, CheckStatus, applies, fixMarkdown, isCommand } from '../../core/contracts/check';
import { ReadyReport } from '../../core/contracts/report';
import { textTable } from '../../utils/format';

const STATUS_MARK: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

/** "FAIL → " before the status, where the report was judged against a baseline. */
export function baselineText(c: Pick<CheckResult, 'baseline'>): string {
  if (!c.baseline) return '';
  return `${c.baseline === 'new' ? 'NEW' : c.baseline === 'skip' ? 'SKIP' : STATUS_MARK[c.baseline]} → `;
}

export function statusText(c: CheckResult): string {
  // A skip says which: the subject is not there (n/a), or it is and could not be measured.
  if (c.status === 'skip') return applies(c) ? 'NOT MEASURED' : 'N/A';
  if (!c.waiver) return STATUS_MARK[c.status];
  return c.waiver.active
    ? `${STATUS_MARK[c.status]} (waived until ${c.waiver.expires}: ${c.waiver.reason})`
    : `${STATUS_MARK[c.status]} (waiver expired ${c.waiver.expires})`;
}

function where(d: { file?: string; line?: number }): string {
  if (!d.file) return '';
  return d.line ? `${d.file}:${d.line}: ` : `${d.file}: `;
}

/** "level bronze (silver needs lint, coverage)": the level, and what the next one needs. */
export function levelText(report: Pick<ReadyReport, 'level' | 'nextLevel'>): string {
  const level = `level ${report.level ?? 'none'}`;
  const next = report.nextLevel;
  if (!next) return level;
  return next.needs.length > 0 ? `${level} (${next.level} needs ${next.needs.join(', ')})` : level;
}

/** "12 of 13 checks apply", and how many of those could not be measured. */
function appliesText(report: Pick<ReadyReport, 'applies' | 'checks'>): string {
  const unmeasured = report.checks.filter((c) => c.status === 'skip' && applies(c)).length;
  return `${report.applies} of ${report.checks.length} checks apply` + (unmeasured > 0 ? ` (${unmeasured} not measured)` : '');
}

/** The project's line: score, level and what the next needs, how many checks apply, and the verdict in words. */
export function headlineText(report: ReadyReport): string {
  return `${report.project}: ${report.score}/100, ${levelText(report)}, ${appliesText(report)} — ${report.verdict.headline}`;
}

export function renderMarkdown(report: ReadyReport): string {
  const lines = [
    `# ${report.project}: ${report.score}/100, ${levelText(report)}`,
    '',
    `**${report.verdict.headline}**`,
    '',
    `${appliesText(report)}.` + (report.verdict.baseline ? ` Judged against the baseline in \`${report.verdict.baseline}\`.` : ''),
    '',
    ...report.failures.map((f) => `- **${f}**`),
    ...(report.failures.length > 0 ? [''] : []),
    ...markdownTable(
      [
        { title: 'check' },
        { title: report.verdict.baseline ? 'baseline → now' : 'status' },
        { title: 'score', align: 'right' },
        { title: 'weight', align: 'right' },
        { title: 'metric' },
        { title: 'fix' },
      ],
      report.checks.map((c) => [
        `${c.title} (\`${c.id}\`)`,
        baselineText(c) + statusText(c),
        c.status === 'skip' ? '–' : String(c.score),
        String(c.weight),
        c.metric?.text ?? '–',
        c.fix ? fixMarkdown(c.fix) : '',
      ]),
    ),
  ];
  for (const c of report.checks) {
    if (c.details.length === 0) continue;
    lines.push('', `## ${c.title}`, '', ...c.details.map((d) => `- ${where(d)}${d.message}`));
  }
  return lines.join('\n') + '\n';
}

/** A plain-text table for the terminal. */
export function renderTable(report: ReadyReport, maxDetails = 10): string {
  const rows = [
    ['check', 'status', 'score', 'metric'],
    ...report.checks.map((c) => [
      c.id,
      baselineText(c) + statusText(c),
      c.status === 'skip' ? '-' : String(c.score),
      c.metric?.text ?? '-',
    ]),
  ];
  const out = textTable(rows);
  for (const c of report.checks) {
    if (c.status === 'pass') continue;
    const shown = c.details.slice(0, maxDetails);
    for (const d of shown) out.push(`  ${c.id}: ${where(d)}${d.message}`);
    if (c.details.length > shown.length) out.push(`  ${c.id}: … ${c.details.length - shown.length} more in ready.md`);
    if (c.fix) out.push(isCommand(c.fix) ? `  ${c.id}: fix with \`${c.fix}\`` : `  ${c.id}: to fix, ${c.fix}`);
  }
  out.push('', headlineText(report));
  return out.join('\n');
}
