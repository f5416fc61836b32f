import type { WithdrawEntryRequest } from '../../../shared/schemas/travel-documents.js';

/** Network setting (consensus `set-travel-documents-reciprocity`): a state that lists nothing receives no one's listings. */
export const RECIPROCITY_SETTING = 'travelDocuments.reciprocity';

/** A state's part in the scheme, as its national admins set it. */
export interface StateParticipation {
  state: string;
  participating: boolean;
  changedAt: Date;
  changedBy: string;
}

export interface ParticipationStore {
  all(): Promise<StateParticipation[]>;
  set(participation: StateParticipation): Promise<void>;
}

/** A key ring ("network" or "state:XX") and its current epoch. */
export interface Ring {
  ring: string;
  epoch: number;
  epochStartedAt: Date;
}

/** One holder's copy of one epoch's ring key, sealed to their encryption key (opaque to the server). */
export interface RingGrant {
  ring: string;
  epoch: number;
  holderId: string;
  keyVersion: number;
  sealedKey: string;
  signature: string;
  grantedBy: string;
  at: Date;
}

/** The rings and their grants: the library's shelf mechanics (see library/ports.ts ShelfStore). */
export interface RingStore {
  find(ring: string): Promise<Ring | undefined>;
  /** Moves the ring from epoch `from` to `from + 1`; false when another did first. */
  advance(ring: string, from: number, at: Date): Promise<boolean>;
  grantsOf(ring: string, epoch?: number): Promise<RingGrant[]>;
  /** Stores grants (one per ring, epoch and holder; a newer key version replaces an older); answers how many. */
  putGrants(grants: readonly RingGrant[]): Promise<number>;
  deleteGrants(ring: string, epoch: number, which: { grantedBy: string; at: Date } | { before: Date }): Promise<void>;
}

/** One listing as stored: keyed tag and ciphertexts, and metadata. Never a number. */
export interface TravelDocumentEntry {
  id: string;
  state: string;
  version: number;
  status: 'listed' | 'withdrawn';
  networkEpoch: number;
  /** base64url, 32 bytes. */
  tag: string;
  details: string;
  own: { stateEpoch: number; ciphertext: string };
  listedBy: string;
  listedAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  withdrawReason: WithdrawEntryRequest['reason'] | null;
}

/** What the sync stream carries of an entry (and its id, which the stream does not: for removals and buckets). */
export interface SyncRow {
  id: string;
  state: string;
  networkEpoch: number;
  /** The tag's first 8 bytes. */
  tagPrefix: Buffer;
}

/** One change of the set of listed entries: the sync stream's increments. */
export interface ChangeBatch {
  seq: number;
  at: Date;
  added: SyncRow[];
  removed: SyncRow[];
}

export interface EntryStore {
  /** Inserts the entries; answers the ids stored (an id taken already is not). */
  insertMany(entries: readonly TravelDocumentEntry[]): Promise<Set<string>>;
  find(id: string): Promise<TravelDocumentEntry | undefined>;
  findMany(ids: readonly string[]): Promise<TravelDocumentEntry[]>;
  /** The state's listed entries with these tags: tag → entry id. */
  listedWithTags(state: string, tags: readonly string[]): Promise<Map<string, string>>;
  /**
   * Replaces the fields when the stored version is `expected` and it is listed; false otherwise.
   * `nextVersion`: a correction makes the next version; a re-key keeps it (the own copy, sealed
   * with the version, stays as it is).
   */
  replace(
    id: string,
    expected: number,
    fields: Partial<Pick<TravelDocumentEntry, 'networkEpoch' | 'tag' | 'details' | 'own'>> & { updatedAt: Date },
    options: { nextVersion: boolean },
  ): Promise<boolean>;
  withdraw(id: string, expected: number, reason: TravelDocumentEntry['withdrawReason'], at: Date): Promise<boolean>;
  ownEntries(query: {
    state: string;
    status: 'listed' | 'withdrawn' | 'all';
    epochBelow?: number;
    after?: string;
    limit: number;
  }): Promise<TravelDocumentEntry[]>;
  /** Current listings per state. */
  listedCounts(): Promise<Map<string, number>>;
  /** Every listed entry, in batches of what the stream needs only, in no particular order. */
  streamListed(): AsyncIterable<SyncRow[]>;
}

export interface ChangeLog {
  /** Appends a batch under the next sequence number; answers it. */
  append(batch: Omit<ChangeBatch, 'seq'>): Promise<number>;
  /** The highest sequence number (0 when empty). */
  head(): Promise<number>;
  /** Batches after `since`, oldest first. */
  since(since: number): Promise<ChangeBatch[]>;
  /** The highest sequence number forgotten by compaction (0: nothing forgotten). */
  compactedThrough(): Promise<number>;
  /** Forgets batches before `before`; the sync then answers older cursors with a full stream. */
  compact(before: Date): Promise<void>;
}

/** A screening report's counts, by the screening state and month. */
export interface ScreeningRecord {
  id: string;
  state: string;
  /** "YYYY-MM" (UTC). */
  month: string;
  screened: number;
  hits: number;
  reportedBy: string;
  at: Date;
}

export interface ScreeningStore {
  /** False when the id was reported before. */
  insert(record: ScreeningRecord): Promise<boolean>;
  /** Every report of months starting with `prefix` ("2026" or "2026-12"), counts only. */
  of(prefix: string, state?: string): Promise<Array<Pick<ScreeningRecord, 'state' | 'month' | 'screened' | 'hits'>>>;
}

export interface ClearedStore {
  /** False when the state has the marker already. */
  add(state: string, marker: { stateEpoch: number; marker: string }, at: Date): Promise<boolean>;
  of(state: string): Promise<Array<{ stateEpoch: number; marker: string }>>;
}

/** Statistics read from entries: listed in a period, withdrawn in it, and current, per state. */
export interface EntryStatisticsSource {
  statistics(from: Date, to: Date): Promise<Map<string, { listed: number; withdrawn: number; current: number }>>;
}
