import { csvCell as cell } from '../../../shared/csv.js';
import { CONTACT_TYPES, type EntryView } from '../../../shared/schemas/directory.js';

const COLUMNS = [
  'state',
  'name_en',
  'name_ru',
  'authority_en',
  'authority_ru',
  'title_en',
  'title_ru',
  'kind',
  'domains',
  'role',
  'languages',
  'time_zone',
  'available_24x7',
  ...CONTACT_TYPES,
  'key_fingerprint',
  'key_verified',
  'last_confirmed',
  'stale',
  'withheld',
] as const;

/** The entries as CSV (RFC 4180, CRLF), exactly the fields the reader may see. */
export function entriesToCsv(entries: readonly EntryView[]): string {
  const rows = entries.map((entry) => {
    const contacts = (type: string): string =>
      entry.contacts
        .filter((c) => c.type === type)
        .map((c) => c.value)
        .join('; ');
    const values: Record<(typeof COLUMNS)[number], string | boolean | null | undefined> = {
      state: entry.state,
      name_en: entry.name.en,
      name_ru: entry.name.ru,
      authority_en: entry.authority?.en,
      authority_ru: entry.authority?.ru,
      title_en: entry.title?.en,
      title_ru: entry.title?.ru,
      kind: entry.kind,
      domains: entry.domains.join('; '),
      role: entry.role,
      languages: entry.languages.join('; '),
      time_zone: entry.timeZone,
      available_24x7: entry.available24x7,
      ...Object.fromEntries(CONTACT_TYPES.map((type) => [type, contacts(type)])),
      key_fingerprint: entry.keys?.fingerprint,
      key_verified: entry.keys?.verified ?? false,
      last_confirmed: entry.lastConfirmedAt,
      stale: entry.stale,
      withheld: entry.withheld.join('; '),
    } as Record<(typeof COLUMNS)[number], string | boolean | null | undefined>;
    return COLUMNS.map((column) => cell(values[column])).join(',');
  });
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
