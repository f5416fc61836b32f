import type { CsvRecord } from '../csv.js';

/** A header cell as compared: lower case, spaces, dashes and dots as underscores. */
export const headerKey = (cell: string): string =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');

/**
 * Finds each column's index in the header by its name or an alias (case-insensitive). Answers
 * the columns found, and the required ones missing.
 */
export function locateColumns<Name extends string>(
  header: CsvRecord,
  aliases: Readonly<Record<Name, readonly string[]>>,
  required: readonly Name[],
): { at: Partial<Record<Name, number>>; missing: Name[] } {
  const keys = header.cells.map(headerKey);
  const at: Partial<Record<Name, number>> = {};
  for (const name of Object.keys(aliases) as Name[]) {
    const index = keys.findIndex((key) => key === name || aliases[name].includes(key));
    if (index >= 0) at[name] = index;
  }
  return { at, missing: required.filter((name) => at[name] === undefined) };
}

/** A cell of a record by column, trimmed ('' when the column or the cell is absent). */
export const cellOf = <Name extends string>(
  record: CsvRecord,
  at: Partial<Record<Name, number>>,
  name: Name,
): string => {
  const index = at[name];
  return index === undefined ? '' : (record.cells[index] ?? '').trim();
};

/** A problem of one CSV line (1 = the header). */
export interface LineProblem {
  line: number;
  message: string;
}
