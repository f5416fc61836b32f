import { csvLine as line } from '../../../../shared/csv';
import type { ImplementationReview } from '../../../../shared/schemas/review';
import { REVIEW_TABLES } from './review-tables';

/**
 * The review's tables as one CSV (RFC 4180, CRLF): for each table a header line `table,<its
 * field names>`, then its rows, each led by the table's name. Codes and raw numbers (durations
 * in ms), so the file reads the same in any language.
 */
export function reviewToCsv(review: ImplementationReview): string {
  const lines = REVIEW_TABLES.flatMap(({ name, columns, rows }) => [
    line(['table', ...columns.map(([key]) => key)]),
    ...rows(review).map((row) => line([name, ...columns.map(([key]) => row[key])])),
  ]);
  return lines.join('\r\n') + '\r\n';
}
