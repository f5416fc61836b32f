import {
  DOCUMENT_TYPES,
  LISTING_STATUSES,
  type DocumentType,
  type ListingStatus,
} from '../schemas/travel-documents.js';
import { parseMrz } from './mrz.js';
import { identityOf } from './normalise.js';
import { ok, problem, type Checked } from './problems.js';

/** Longest notes of a listing, in characters (the sealed details must stay within the API's limit). */
export const MAX_NOTES_LENGTH = 500;

/** A listing as a person or a national system gives it (the SDK's `ListingInput`). */
export interface ListingFields {
  issuingState: string;
  documentType: DocumentType;
  number: string;
  status: ListingStatus;
  date: string;
  notes?: string;
  checkDigit?: string;
}

/** A listing ready to key: normalised, its identity made. */
export interface NormalisedListing {
  issuingState: string;
  documentType: DocumentType;
  number: string;
  identity: string;
  status: ListingStatus;
  date: string;
  notes?: string;
}

/** A document to screen (the SDK's `ScreeningInput`). */
export interface ScreeningFields {
  issuingState?: string;
  number?: string;
  documentType?: DocumentType;
  mrz?: string;
  reference?: string;
}

const TYPE_ALIASES: Readonly<Record<string, DocumentType>> = {
  p: 'passport',
  pp: 'passport',
  id: 'identity-card',
  i: 'identity-card',
  'id-card': 'identity-card',
  'national-id': 'identity-card',
  'identity-document': 'identity-card',
  v: 'visa',
  rp: 'residence-permit',
  'resident-permit': 'residence-permit',
  td: 'travel-document',
  'refugee-travel-document': 'travel-document',
};
const STATUS_ALIASES: Readonly<Record<string, ListingStatus>> = {
  invalid: 'invalidated',
  cancelled: 'revoked',
  canceled: 'revoked',
  'stolen-blank': 'stolen',
};

const slug = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/** A document type from its name or a common short form (`P`, `ID`, `identity card`). */
export function documentTypeOf(text: string): DocumentType | undefined {
  const key = slug(text);
  return (DOCUMENT_TYPES as readonly string[]).includes(key) ? (key as DocumentType) : TYPE_ALIASES[key];
}

export function listingStatusOf(text: string): ListingStatus | undefined {
  const key = slug(text);
  return (LISTING_STATUSES as readonly string[]).includes(key) ? (key as ListingStatus) : STATUS_ALIASES[key];
}

/** A calendar date as YYYY-MM-DD, from YYYY-MM-DD or DD.MM.YYYY (as written in much of the region). */
export function dateOf(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!year || !month || !day) return undefined;
  const date = `${year}-${month}-${day}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : undefined;
}

/** Checks and normalises a listing; `today` (YYYY-MM-DD) refuses dates in the future. */
export function checkListing(input: ListingFields, today?: string): Checked<NormalisedListing> {
  const id = identityOf(input.issuingState, input.number, input.checkDigit);
  if (!id.ok) return id;
  if (!(DOCUMENT_TYPES as readonly string[]).includes(input.documentType))
    return problem('field.invalid', `document type "${input.documentType}": one of ${DOCUMENT_TYPES.join(', ')}`);
  if (!(LISTING_STATUSES as readonly string[]).includes(input.status))
    return problem('field.invalid', `status "${input.status}": one of ${LISTING_STATUSES.join(', ')}`);
  const date = dateOf(input.date);
  if (!date) return problem('field.invalid', `date "${input.date}": a date as YYYY-MM-DD`);
  if (today !== undefined && date > today) return problem('field.invalid', `date ${date} is in the future`);
  const notes = input.notes?.trim();
  if (notes && notes.length > MAX_NOTES_LENGTH)
    return problem('field.invalid', `notes have at most ${MAX_NOTES_LENGTH} characters`);
  return ok({
    ...id.value,
    documentType: input.documentType,
    status: input.status,
    date,
    ...(notes ? { notes } : {}),
  });
}

/**
 * The identity to screen: from the MRZ when given (its check digit checked; the issuing state
 * from the MRZ unless given, a lone second line's nationality as the last resort), otherwise the
 * issuing state and number given.
 */
export function screeningIdentity(
  input: ScreeningFields,
): Checked<{ issuingState: string; number: string; identity: string; documentType?: DocumentType }> {
  if (input.mrz?.trim()) {
    const mrz = parseMrz(input.mrz);
    if (!mrz.ok) return mrz;
    const state = input.issuingState?.trim() || mrz.value.issuingState || mrz.value.nationality;
    if (!state) return problem('state.missing', 'the issuing state is missing (the MRZ line does not name it)');
    const id = identityOf(state, mrz.value.number);
    return id.ok ? ok({ ...id.value, documentType: input.documentType ?? mrz.value.documentType }) : id;
  }
  if (!input.number?.trim()) return problem('number.missing', 'the document number (or its MRZ) is missing');
  if (!input.issuingState?.trim()) return problem('state.missing', 'the issuing state is missing');
  const id = identityOf(input.issuingState, input.number);
  if (!id.ok) return id;
  return ok(input.documentType ? { ...id.value, documentType: input.documentType } : id.value);
}
