import { parseCsv } from '../csv.js';
import { cellOf, locateColumns, type LineProblem } from './csv-columns.js';
import { documentTypeOf, type ScreeningFields } from './inputs.js';

/**
 * The columns of a passenger manifest CSV, with the other names accepted for each. A row needs
 * a document number and its issuing state (or, failing that, the nationality), or an MRZ.
 */
export const MANIFEST_CSV_COLUMNS = {
  document_number: ['number', 'doc_number', 'document_no', 'doc_no', 'passport_number', 'passport_no'],
  issuing_state: ['issuing_country', 'issuer', 'country_of_issue', 'issuing_state_code'],
  nationality: ['citizenship', 'nationality_code'],
  document_type: ['type', 'doc_type'],
  mrz: ['mrz_line', 'machine_readable_zone'],
  reference: ['name', 'passenger', 'passenger_name', 'seat', 'ref'],
} as const;
type ManifestColumn = keyof typeof MANIFEST_CSV_COLUMNS;

export const MANIFEST_CSV_HEADER = Object.keys(MANIFEST_CSV_COLUMNS).join(',');

export interface ParsedManifestCsv {
  rows: Array<{ line: number; input: ScreeningFields }>;
  problems: LineProblem[];
}

/**
 * Reads a manifest CSV into documents to screen (each row's number is checked when it is screened);
 * rows with nothing to screen are reported by line number.
 */
export function parseManifestCsv(text: string): ParsedManifestCsv {
  const { records, unterminatedAt } = parseCsv(text);
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ line: 1, message: 'the file is empty: no header line' }] };
  const { at } = locateColumns<ManifestColumn>(header, MANIFEST_CSV_COLUMNS, []);
  if (at.mrz === undefined && (at.document_number === undefined || (at.issuing_state ?? at.nationality) === undefined))
    return {
      rows: [],
      problems: [
        {
          line: header.line,
          message: 'the header needs document_number with issuing_state (or nationality), or mrz',
        },
      ],
    };
  const parsed: ParsedManifestCsv = { rows: [], problems: [] };
  for (const record of body) {
    if (record.line === unterminatedAt) {
      parsed.problems.push({ line: record.line, message: 'a quoted cell is not closed' });
      continue;
    }
    const cell = (name: ManifestColumn) => cellOf(record, at, name);
    const typeText = cell('document_type');
    const documentType = typeText ? documentTypeOf(typeText) : undefined;
    if (typeText && !documentType) {
      parsed.problems.push({ line: record.line, message: `document type "${typeText}" is not known` });
      continue;
    }
    const input: ScreeningFields = {};
    const state = cell('issuing_state') || cell('nationality');
    if (state) input.issuingState = state;
    if (cell('document_number')) input.number = cell('document_number');
    if (cell('mrz')) input.mrz = cell('mrz');
    if (documentType) input.documentType = documentType;
    if (cell('reference')) input.reference = cell('reference');
    parsed.rows.push({ line: record.line, input });
  }
  return parsed;
}
