import type { LibraryKind, LibraryRefs } from '../../../shared/schemas/library.js';

/** A shelf: the items shared with one audience, and the epoch of its current shelf key. */
export interface Shelf {
  audienceKey: string;
  epoch: number;
  epochStartedAt: Date;
}

/** One reader's copy of one epoch's shelf key, sealed to their encryption key (opaque to the server). */
export interface ShelfGrant {
  audienceKey: string;
  epoch: number;
  readerId: string;
  keyVersion: number;
  sealedKey: string;
  signature: string;
  grantedBy: string;
  at: Date;
}

export interface ShelfStore {
  find(audienceKey: string): Promise<Shelf | undefined>;
  list(): Promise<Shelf[]>;
  /** Moves the shelf from epoch `from` to `from + 1` (making it at 1 from 0); false when another did first. */
  advance(audienceKey: string, from: number, at: Date): Promise<boolean>;
  /** Every grant of the shelf (of one epoch when given). */
  grantsOf(audienceKey: string, epoch?: number): Promise<ShelfGrant[]>;
  /**
   * Stores grants; one already there for (shelf, epoch, reader) is replaced only when it was sealed
   * to an older key version than the new one. Answers how many were stored.
   */
  putGrants(grants: readonly ShelfGrant[]): Promise<number>;
  /** Grants of an epoch: those one rotation wrote (`grantedBy` at `at`), or those written before `before`. */
  deleteGrants(
    audienceKey: string,
    epoch: number,
    which: { grantedBy: string; at: Date } | { before: Date },
  ): Promise<void>;
}

export interface LibraryItem {
  id: string;
  audienceKey: string;
  kind: LibraryKind;
  domain: string | null;
  language: string;
  refs: LibraryRefs;
  authorId: string;
  authorState: string | null;
  createdAt: Date;
  updatedAt: Date;
  withdrawn: boolean;
  withdrawnAt: Date | null;
  latestVersion: number;
}

/** One version: every field that reveals content is ciphertext made by the author's client. */
export interface LibraryVersion {
  itemId: string;
  version: number;
  epoch: number;
  language: string;
  wrappedKey: string;
  meta: string;
  text: string | null;
  files: Array<{ id: string; size: number }>;
  signature: string;
  authorId: string;
  authorKeyVersion: number;
  createdAt: Date;
}

export interface LibraryItemFilter {
  audienceKeys: readonly string[];
  kind?: LibraryKind;
  domain?: string;
  language?: string;
  eventId?: string;
  proposalId?: string;
}

export interface LibraryItemStore {
  /** Inserts the item with its first version; false when the id is taken. */
  create(item: LibraryItem, version: LibraryVersion): Promise<boolean>;
  /** Adds version `latestVersion + 1` when the item is still at `expected` and not withdrawn; false otherwise. */
  addVersion(version: LibraryVersion, expected: number): Promise<boolean>;
  find(id: string): Promise<LibraryItem | undefined>;
  /** Items not withdrawn, newest change first. */
  list(filter: LibraryItemFilter): Promise<LibraryItem[]>;
  versions(itemId: string): Promise<LibraryVersion[]>;
  /** The given versions, one read. */
  versionsOf(keys: ReadonlyArray<{ itemId: string; version: number }>): Promise<LibraryVersion[]>;
  /** False when it was already withdrawn. */
  withdraw(id: string, at: Date): Promise<boolean>;
}

export interface LibraryFile {
  id: string;
  uploaderId: string;
  size: number;
  chunks: number;
  complete: boolean;
  itemId: string | null;
  createdAt: Date;
}

/** Ciphertext files of library versions, stored in chunks as they are uploaded. */
export interface LibraryFileStore {
  begin(uploaderId: string, now: Date): Promise<string>;
  putChunk(id: string, n: number, data: Buffer): Promise<void>;
  finish(id: string, size: number, chunks: number): Promise<void>;
  find(id: string): Promise<LibraryFile | undefined>;
  findMany(ids: readonly string[]): Promise<LibraryFile[]>;
  /** Binds complete, unbound uploads of this uploader to an item; answers how many were bound. */
  bind(ids: readonly string[], uploaderId: string, itemId: string): Promise<number>;
  read(id: string): AsyncGenerator<Buffer>;
  delete(ids: readonly string[]): Promise<void>;
  /** Uploads never bound to a version, made before `cutoff`. */
  unboundBefore(cutoff: Date): Promise<string[]>;
}
