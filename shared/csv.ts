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

/** One parsed CSV record and the line it starts on (1 = the first line). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Parses CSV text (RFC 4180: quoted cells may hold the separator, quotes doubled and line breaks).
 * A leading BOM is skipped; the separator is the first of `,`, `;` or tab found in the first line
 * (spreadsheets in many locales write `;`). Empty lines are skipped. An unterminated quote ends
 * the text: the record is kept with what it held and reported in `unterminatedAt`.
 */
export function parseCsv(text: string): { records: CsvRecord[]; unterminatedAt?: number } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = /^[^\r\n]*/.exec(body)?.[0] ?? '';
  const separator = [',', ';', '\t'].find((candidate) => firstLine.includes(candidate)) ?? ',';
  const records: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let cell = '';
  let start = 1;
  let quoted = false;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && body[i + 1] !== '\n')) line++;
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
      touched = true;
    } else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += char;
  }
  const unterminatedAt = quoted ? start : undefined;
  endRecord();
  return unterminatedAt === undefined ? { records } : { records, unterminatedAt };
}
