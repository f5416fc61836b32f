import { parseCsv } from '../csv.js';
import { cellOf, locateColumns, type LineProblem } from './csv-columns.js';
import { checkListing, documentTypeOf, listingStatusOf, type NormalisedListing } from './inputs.js';

/**
 * The columns of a listing CSV (SLTD-like), with the other names accepted for each. Header names
 * are compared case-insensitively, spaces and dashes as underscores. `notes` and `check_digit`
 * may be left out.
 */
export const LISTING_CSV_COLUMNS = {
  issuing_state: ['issuing_country', 'issuer', 'country', 'state', 'country_code', 'issuing_state_code'],
  document_type: ['type', 'doc_type', 'type_of_document'],
  document_number: ['number', 'doc_number', 'document_no', 'doc_no', 'passport_number'],
  status: ['document_status', 'reason'],
  date: ['date_of_event', 'event_date', 'date_reported', 'date_lost', 'date_stolen'],
  notes: ['note', 'comments', 'comment', 'remarks'],
  check_digit: ['checkdigit', 'check', 'cd'],
} as const;
type ListingColumn = keyof typeof LISTING_CSV_COLUMNS;
const REQUIRED: readonly ListingColumn[] = ['issuing_state', 'document_type', 'document_number', 'status', 'date'];

/** The header line a blank listing CSV starts with. */
export const LISTING_CSV_HEADER = Object.keys(LISTING_CSV_COLUMNS).join(',');

export interface ParsedListingCsv {
  rows: Array<{ line: number; listing: NormalisedListing }>;
  problems: LineProblem[];
}

/** Reads a listing CSV: every good row kept, every bad one reported by its line number with the reason. */
export function parseListingCsv(text: string, today?: string): ParsedListingCsv {
  const { records, unterminatedAt } = parseCsv(text);
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ line: 1, message: 'the file is empty: no header line' }] };
  const { at, missing } = locateColumns(header, LISTING_CSV_COLUMNS, REQUIRED);
  if (missing.length > 0)
    return {
      rows: [],
      problems: [{ line: header.line, message: `the header lacks the columns ${missing.join(', ')}` }],
    };
  const parsed: ParsedListingCsv = { rows: [], problems: [] };
  for (const record of body) {
    if (record.line === unterminatedAt) {
      parsed.problems.push({ line: record.line, message: 'a quoted cell is not closed' });
      continue;
    }
    const cell = (name: ListingColumn) => cellOf(record, at, name);
    const documentType = documentTypeOf(cell('document_type'));
    const status = listingStatusOf(cell('status'));
    if (!documentType) {
      parsed.problems.push({ line: record.line, message: `document type "${cell('document_type')}" is not known` });
      continue;
    }
    if (!status) {
      parsed.problems.push({ line: record.line, message: `status "${cell('status')}" is not known` });
      continue;
    }
    const checked = checkListing(
      {
        issuingState: cell('issuing_state'),
        documentType,
        number: cell('document_number'),
        status,
        date: cell('date'),
        notes: cell('notes'),
        checkDigit: cell('check_digit'),
      },
      today,
    );
    if (checked.ok) parsed.rows.push({ line: record.line, listing: checked.value });
    else parsed.problems.push({ line: record.line, message: checked.problem.message });
  }
  return parsed;
}
