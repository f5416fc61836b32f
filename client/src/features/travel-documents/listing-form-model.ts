import type { DocumentType, ListingStatus } from '../../../../shared/schemas/travel-documents';
import type { ListingInput } from '../../../sdk/travel-documents/types';

export interface ListingDraft {
  issuingState: string;
  documentType: DocumentType;
  number: string;
  checkDigit: string;
  status: ListingStatus;
  date: string;
  notes: string;
}

export type ListingField = 'issuingState' | 'number' | 'checkDigit' | 'date' | 'notes';
export type DraftResult = { ok: true; listing: ListingInput } | { ok: false; problems: ListingField[] };

export const NOTES_MAX = 500;
const NUMBER_MAX = 30;

/** The number as the SDK keys it: upper case, without spaces, dashes, dots, slashes and MRZ fillers. */
export const normalisedNumber = (text: string): string => text.toUpperCase().replace(/[\s\-./<]/g, '');

/**
 * A listing from the form, or the fields that are wrong (in the form's order). `today` is the
 * officer's day (YYYY-MM-DD): a document cannot be lost tomorrow.
 */
export function listingOfDraft(draft: ListingDraft, today: string): DraftResult {
  const issuingState = draft.issuingState.trim().toUpperCase();
  const number = normalisedNumber(draft.number);
  const checkDigit = draft.checkDigit.trim();
  const notes = draft.notes.trim();
  const problems: ListingField[] = [];
  if (!/^[A-Z]{2}$/.test(issuingState)) problems.push('issuingState');
  if (!/^[A-Z0-9]{1,30}$/.test(number) || number.length > NUMBER_MAX) problems.push('number');
  if (checkDigit !== '' && !/^\d$/.test(checkDigit)) problems.push('checkDigit');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(draft.date) ? new Date(`${draft.date}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== draft.date || draft.date > today)
    problems.push('date');
  if (notes.length > NOTES_MAX) problems.push('notes');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    listing: {
      issuingState,
      documentType: draft.documentType,
      number: draft.number.trim(),
      status: draft.status,
      date: draft.date,
      ...(notes ? { notes } : {}),
      ...(checkDigit ? { checkDigit } : {}),
    },
  };
}
