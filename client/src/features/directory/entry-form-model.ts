import { EntryUpdate, type ContactType, type EntryView, type FOCAL_ROLES } from '../../../../shared/schemas/directory';
import type { FieldIssue } from '../../../../shared/errors';

export interface ContactDraft {
  type: ContactType;
  value: string;
  note: string;
}

/** The edit form as typed: strings everywhere, turned into an EntryUpdate only on save. */
export interface EntryDraft {
  kind: EntryView['kind'];
  nameEn: string;
  nameRu: string;
  titleEn: string;
  titleRu: string;
  authorityEn: string;
  authorityRu: string;
  role: (typeof FOCAL_ROLES)[number] | '';
  /** "kk, ru, en" */
  languages: string;
  timeZone: string;
  hasHours: boolean;
  days: number[];
  from: string;
  to: string;
  available24x7: boolean;
  /** "" for none. */
  deputyUserId: string;
  contacts: ContactDraft[];
}

export function draftOf(entry: EntryView): EntryDraft {
  return {
    kind: entry.kind,
    nameEn: entry.name.en,
    nameRu: entry.name.ru ?? '',
    titleEn: entry.title?.en ?? '',
    titleRu: entry.title?.ru ?? '',
    authorityEn: entry.authority?.en ?? '',
    authorityRu: entry.authority?.ru ?? '',
    role: entry.role ?? '',
    languages: entry.languages.join(', '),
    timeZone: entry.timeZone ?? '',
    hasHours: Boolean(entry.workingHours),
    days: entry.workingHours?.days ?? [1, 2, 3, 4, 5],
    from: entry.workingHours?.from ?? '09:00',
    to: entry.workingHours?.to ?? '18:00',
    available24x7: entry.available24x7,
    deputyUserId: entry.deputy?.userId ?? '',
    contacts: entry.contacts.map((c) => ({ type: c.type, value: c.value, note: c.note ?? '' })),
  };
}

/**
 * Both scripts, the Russian one only when typed. A Russian text without the English one is kept
 * (as an empty English text) so validation names the missing English field instead of dropping both.
 */
function bilingual(en: string, ru: string, required: boolean): { en: string; ru?: string } | undefined {
  if (!required && !en.trim() && !ru.trim()) return undefined;
  return { en: en.trim(), ...(ru.trim() ? { ru: ru.trim() } : {}) };
}

/** What would be sent: shaped like EntryUpdate but not yet checked. */
export function candidateOf(draft: EntryDraft): Record<string, unknown> {
  const title = bilingual(draft.titleEn, draft.titleRu, false);
  const authority = bilingual(draft.authorityEn, draft.authorityRu, false);
  return {
    kind: draft.kind,
    name: bilingual(draft.nameEn, draft.nameRu, true),
    ...(title ? { title } : {}),
    ...(authority ? { authority } : {}),
    ...(draft.role ? { role: draft.role } : {}),
    languages: draft.languages
      .split(/[\s,;]+/)
      .map((code) => code.trim().toLowerCase())
      .filter(Boolean),
    ...(draft.timeZone.trim() ? { timeZone: draft.timeZone.trim() } : {}),
    workingHours: draft.hasHours
      ? { days: [...draft.days].sort((a, b) => a - b), from: draft.from, to: draft.to }
      : null,
    available24x7: draft.available24x7,
    deputyUserId: draft.deputyUserId || null,
    contacts: draft.contacts.map((c) => ({
      type: c.type,
      value: c.value.trim(),
      ...(c.note.trim() ? { note: c.note.trim() } : {}),
    })),
  };
}

/** One problem of one field: a zod issue code (when known) and the schema's own words. */
export interface FieldProblem {
  code: string;
  origin?: string;
  message: string;
}
export type FieldErrors = Record<string, FieldProblem>;

/** ["languages", 2] → "languages"; ["contacts", 0, "value"] → "contacts.0.value"; [] → "form". */
export function fieldKey(path: readonly PropertyKey[]): string {
  if (path[0] === 'languages') return 'languages';
  return path.length === 0 ? 'form' : path.map(String).join('.');
}

/** Checked with the same shared schema the server uses, so the form and the server agree. */
export function validateDraft(
  draft: EntryDraft,
): { update: EntryUpdate; errors?: undefined } | { update?: undefined; errors: FieldErrors } {
  const parsed = EntryUpdate.safeParse(candidateOf(draft));
  if (parsed.success) return { update: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = fieldKey(issue.path);
    errors[key] ??= {
      code: issue.code,
      message: issue.message,
      ...('origin' in issue && typeof issue.origin === 'string' ? { origin: issue.origin } : {}),
    };
  }
  return { errors };
}

/** The server's field issues (paths start with "body") in the same shape. */
export function serverErrors(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path[0] === 'body' ? issue.path.slice(1) : issue.path;
    errors[fieldKey(path)] ??= { code: 'server', message: issue.message };
  }
  return errors;
}
