import type {
  DocumentType,
  ListingStatus,
  TravelDocumentsStatus,
  WITHDRAW_REASONS,
} from '../../../shared/schemas/travel-documents.js';

/**
 * What the SDK offers for lost and stolen travel documents (`client.travelDocuments`). Numbers
 * and details exist in plaintext only here, in the holder's process; the server gets tags and
 * ciphertexts.
 */
export interface TravelDocumentsClient {
  /** Whether the caller's state takes part and the caller holds keys, and why not. */
  status(): Promise<TravelDocumentsStatus>;
  /**
   * Makes the keys ready: opens the caller's grants, opens the first epoch of a ring that has
   * none, a new epoch where a holder left, shares held epochs with newcomers, and re-keys the
   * state's listings still under an older network epoch. Every other call runs it first.
   */
  prepare(): Promise<PrepareOutcome>;
  /** Lists documents for the caller's state. Bad inputs are refused by index, the rest listed. */
  list(documents: readonly ListingInput[]): Promise<ListingOutcome>;
  /** A CSV of listings (see `LISTING_CSV_COLUMNS`): bad rows reported by line number, good rows listed. */
  importCsv(text: string): Promise<ListingOutcome>;
  /** The caller's state's listings, opened. */
  mine(options?: { status?: 'listed' | 'withdrawn' | 'all' }): Promise<OwnListing[]>;
  /** Corrects a listing (status, date, notes): a new version. */
  update(
    id: string,
    version: number,
    changes: Partial<Pick<ListingInput, 'status' | 'date' | 'notes'>>,
  ): Promise<OwnListing>;
  withdraw(id: string, reason: (typeof WITHDRAW_REASONS)[number]): Promise<OwnListing>;
  /** Brings the local copy of every listing the caller may screen against up to date. */
  sync(): Promise<SyncOutcome>;
  /** Screens documents locally (syncing first when never synced); reports the counts. */
  screen(documents: readonly ScreeningInput[]): Promise<ScreeningResult>;
  /** A passenger manifest CSV (see `MANIFEST_CSV_COLUMNS`): bad rows by line number, the rest screened. */
  screenCsv(text: string): Promise<ScreeningResult>;
  /** Remembers that a hit was cleared (answered: not this document): not raised again for this version. */
  clear(hit: Hit): Promise<void>;
  /** National admins: their state takes part, or stops. */
  setParticipation(participating: boolean): Promise<TravelDocumentsStatus>;
}

export interface ListingInput {
  issuingState: string;
  documentType: DocumentType;
  /** As written: normalised before keying (case, spaces, dashes). */
  number: string;
  status: ListingStatus;
  /** The day it was lost, stolen, revoked or invalidated (YYYY-MM-DD). */
  date: string;
  notes?: string;
  /** The ICAO 9303 check digit, where known: a wrong one refuses the row as misread. */
  checkDigit?: string;
}

export interface InputProblem {
  /** Index in the input, or CSV line number (1 = the header). */
  at: number;
  kind: 'index' | 'line';
  message: string;
}

export interface ListingOutcome {
  listed: number;
  /** Already listed by the state (same issuing state and number). */
  duplicates: InputProblem[];
  problems: InputProblem[];
}

export interface OwnListing extends Omit<ListingInput, 'checkDigit'> {
  id: string;
  version: number;
  state: 'listed' | 'withdrawn';
  listedAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
  withdrawReason: (typeof WITHDRAW_REASONS)[number] | null;
}

export interface PrepareOutcome {
  networkEpoch: number;
  sharedWith: number;
  rotated: string[];
  rekeyed: number;
}

export interface SyncOutcome {
  entries: number;
  /** Listing states whose entries the caller screens against. */
  states: string[];
  full: boolean;
  bytes: number;
}

export interface ScreeningInput {
  /** Issuing state (ISO alpha-2, or the ICAO alpha-3 of an MRZ); may come from `mrz`. */
  issuingState?: string;
  number?: string;
  documentType?: DocumentType;
  /** One MRZ line holding the number, or the whole MRZ: number, state and check digit read from it. */
  mrz?: string;
  /** Free text carried to the result (a passenger name, a seat). */
  reference?: string;
}

export interface Hit {
  /** Index in the input (or CSV line number for `screenCsv`). */
  at: number;
  input: ScreeningInput;
  entryId: string;
  version: number;
  listingState: string;
  issuingState: string;
  documentType: DocumentType;
  number: string;
  status: ListingStatus;
  date: string;
  notes?: string;
  listedAt?: string;
}

export interface ScreeningResult {
  screened: number;
  hits: Hit[];
  /** Hits remembered as cleared for the listing's current version: not raised, only counted. */
  clearedHits: number;
  problems: InputProblem[];
  /** Listing states screened against, and when the local copy was last synced. */
  states: string[];
  syncedAt: string;
}
