/** Bytes as the build reports show them: kB of 1000 bytes, one decimal ("127.5 kB"). */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/**
 * A plain-text table for the terminal: columns padded to their widest cell, two spaces apart, a
 * dashed line under the header row. Hand-written because the libraries that do this either draw
 * borders (cli-table3, table) or are unmaintained (text-table), and the reports' text must not change.
 */
export function textTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}
