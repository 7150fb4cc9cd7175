export type Align = 'left' | 'right' | 'center';

const RULE: Record<Align, string> = { left: '---', right: '---:', center: ':---:' };

/**
 * A GitHub-flavoured markdown table, one line a row: every cell escaped (a `|` would end it, a line
 * break would end the row), so a metric, a path or a fix command can go in as it is.
 */
export function markdownTable(columns: Array<{ title: string; align?: Align }>, rows: string[][]): string[] {
  const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [row(columns.map((c) => c.title)), row(columns.map((c) => RULE[c.align ?? 'left'])), ...rows.map(row)];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
