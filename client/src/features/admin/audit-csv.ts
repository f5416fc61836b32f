import { csvLine } from '../../../../shared/csv';
import type { AuditEntryView } from '../../../../shared/schemas/accounts';
import { describeAuditDetails, type AuditWords } from './audit-fields';

export interface AuditCsvWords extends AuditWords {
  /** Column names, in the person's language. */
  columns: {
    seq: string;
    at: string;
    type: string;
    event: string;
    actor: string;
    state: string;
    subject: string;
    details: string;
  };
  event: (type: string) => string;
}

/**
 * The audit entries as CSV (RFC 4180, CRLF), as the page shows them: the event and details in
 * words, people by name, and beside them the codes and full ids (time in ISO, type, ids, the entry's leaf hash in the audit log)
 * so the file can be checked against the trail.
 */
export function auditToCsv(entries: readonly AuditEntryView[], words: AuditCsvWords): string {
  const c = words.columns;
  const header = csvLine([
    c.seq,
    c.at,
    'time',
    c.type,
    c.event,
    c.actor,
    'actorId',
    c.state,
    c.subject,
    'subjectId',
    c.details,
    'leafHash',
  ]);
  const rows = entries.map((entry) =>
    csvLine([
      entry.seq,
      words.date(entry.at),
      entry.at,
      entry.type,
      words.event(entry.type),
      entry.actorId === null ? '' : words.person(entry.actorId),
      entry.actorId ?? '',
      entry.state === null ? '' : words.state(entry.state),
      entry.subjectId === null ? '' : words.person(entry.subjectId),
      entry.subjectId ?? '',
      describeAuditDetails(entry.data, words)
        .map(({ label, value }) => `${label}: ${value}`)
        .join('; '),
      entry.leafHash,
    ]),
  );
  return [header, ...rows].join('\r\n') + '\r\n';
}
