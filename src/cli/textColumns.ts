import stringWidth from 'string-width';

/**
 * Rows of cells as aligned text lines: every column but the last padded to its widest cell, two spaces
 * between columns. Widths are what a terminal shows (a Chinese character takes two columns), found by
 * a loop, never by spreading the rows into Math.max, whose arguments live on the stack and overflow it
 * past about 120,000 rows (a large preview has millions).
 */
export function formatColumns(rows: readonly (readonly string[])[]): string[] {
  const width = (cell: string) => (/^[\x20-\x7e]*$/.test(cell) ? cell.length : stringWidth(cell));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, width(cell))));
  return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell + ' '.repeat(widths[c]! - width(cell)))).join('  ').trimEnd());
}
