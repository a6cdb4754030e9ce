/** CSV per RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csv(rows: readonly (readonly string[])[]): string {
  const field = (value: string) =>
    /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  return rows.map((row) => `${row.map(field).join(',')}\n`).join('');
}

/** A GitHub-flavoured Markdown table; `|` in cells is escaped so it cannot end a cell. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const cell = (value: string) =>
    value.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');
  const line = (row: readonly string[]) => `| ${row.map(cell).join(' | ')} |\n`;
  return line(header) + line(header.map(() => '---')) + rows.map(line).join('');
}
