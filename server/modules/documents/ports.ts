import type { CommentKind, DocumentStage } from '../../../shared/schemas/documents.js';
import type { DocumentMeta } from '../../../shared/schemas/document-meta.js';

/** A document for comment; its id is its proposal's id. */
export interface DocumentRecord {
  proposalId: string;
  docId: string;
  authorId: string;
  meta: DocumentMeta;
  stages: StoredStage[];
  libraryItemId: string | null;
}

export interface StoredVersion {
  proposalId: string;
  number: number;
  head: string;
  body: string;
  files: Array<{ fileId: string; size: number }>;
  signature: string;
  authorId: string;
  circulatedAt: Date;
  deadline: Date;
}

/** A version's content key sealed to one reader's key; `sharedBy` is the author or the reader who shared it later. */
export interface StoredKey {
  proposalId: string;
  version: number;
  userId: string;
  keyVersion: number;
  sealed: string;
  sharedBy: string;
  at: Date;
}

export interface StoredComment {
  id: string;
  proposalId: string;
  version: number;
  kind: CommentKind;
  state: string;
  byUserId: string;
  body: string;
  signature: string;
  at: Date;
}

export interface StoredStage {
  stage: DocumentStage;
  date: string;
  note: string | null;
  byUserId: string;
  at: Date;
}

export interface DocumentStore {
  create(record: Omit<DocumentRecord, 'stages' | 'libraryItemId'>, now: Date): Promise<void>;
  find(proposalId: string): Promise<DocumentRecord | undefined>;
  /** True when a document with this client-chosen id exists already. */
  docIdTaken(docId: string): Promise<boolean>;
  /** Newest first. */
  recent(limit: number): Promise<DocumentRecord[]>;
  addVersion(version: StoredVersion): Promise<void>;
  /** Oldest first. */
  versions(proposalId: string): Promise<StoredVersion[]>;
  latestVersions(proposalIds: string[]): Promise<StoredVersion[]>;
  /** Adds keys (a key already there for the same reader, version and key version is kept). */
  addKeys(keys: StoredKey[]): Promise<void>;
  keys(proposalIds: string[]): Promise<StoredKey[]>;
  addComment(comment: Omit<StoredComment, 'id'>): Promise<StoredComment>;
  comments(proposalId: string): Promise<StoredComment[]>;
  commentCounts(proposalIds: string[]): Promise<Map<string, number>>;
  addStage(proposalId: string, stage: StoredStage): Promise<void>;
  /** Records the library item once; false when one was recorded already. */
  setLibraryItem(proposalId: string, itemId: string): Promise<boolean>;
}

export interface DocumentFile {
  id: string;
  uploaderId: string;
  size: number;
  proposalId: string | null;
}

/** Uploaded ciphertext files of documents, stored in chunks; bound to a document when it is circulated. */
export interface DocumentFileStore {
  save(uploaderId: string, chunks: Buffer[], size: number, now: Date): Promise<string>;
  find(ids: string[]): Promise<DocumentFile[]>;
  bind(ids: string[], uploaderId: string, proposalId: string): Promise<void>;
  read(id: string): AsyncGenerator<Buffer>;
}
