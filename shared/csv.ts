/**
 * One CSV cell (RFC 4180): quoted when needed, and defused when it starts like a spreadsheet
 * formula (=, +, -, @, tab, CR), so opening an export in a spreadsheet runs nothing.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of cells (without its CRLF). */
export const csvLine = (values: readonly unknown[]): string => values.map(csvCell).join(',');
