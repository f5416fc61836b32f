import { z } from 'zod';
import { base64UrlBytes, base64UrlMax } from '../crypto/encoding.js';
import { SignatureString } from '../crypto/verify-key-bundle.js';
import { Id } from './accounts.js';
import { AudienceMember } from './audience.js';
import { ProposalView } from './consensus.js';
import { DocumentMeta } from './document-meta.js';
import { StateCode } from './labels.js';

/**
 * Documents for comment under the silence procedure: the secretariat circulates a draft sealed in
 * its client to every national admin and every secretariat member; the server keeps ciphertext,
 * the proposal (shared/schemas/consensus.ts, change `adopt-document`) decides it.
 */
export const DOCUMENT_LIMITS = {
  /** The sealed title (base64url characters). */
  headChars: 2_000,
  /** The sealed text with the files' keys (base64url characters): about 110 KB of text. */
  bodyChars: 150_000,
  /** One file's ciphertext (secretstream), bytes. */
  fileBytes: 8 * 2 ** 20,
  filesPerVersion: 10,
  /** All files of one version together (ciphertext), bytes. */
  totalFileBytes: 20 * 2 ** 20,
  /** A sealed comment or objection (base64url characters). */
  commentChars: 20_000,
} as const;

/** Plaintext (in the client only): a title of at most this many characters, a text of at most this many. */
export const DOCUMENT_TITLE_MAX = 300;

/** Random 16 bytes chosen by the circulating client; bound into every seal and signature of the document. */
export const DocId = base64UrlBytes(16);

/** A version's content key, sealed (crypto_box_seal) to one reader's X25519 key of `keyVersion`. */
export const DocumentKey = z
  .object({
    userId: Id,
    keyVersion: z.number().int().positive(),
    sealed: base64UrlMax(200),
  })
  .strict();
export type DocumentKey = z.infer<typeof DocumentKey>;

/** One version as the secretariat's client sealed it (see shared/crypto/document-seal.ts). */
export const SealedVersionInput = z
  .object({
    /** 1 for the first draft, then the current version + 1. */
    number: z.number().int().positive(),
    /** The title, sealed under the content key. */
    head: base64UrlMax(DOCUMENT_LIMITS.headChars * 2),
    /** The text and the files' names and keys, sealed under the content key. */
    body: base64UrlMax(DOCUMENT_LIMITS.bodyChars * 2),
    /** Uploaded ciphertexts (POST /api/documents/files) the body's files refer to. */
    files: z.array(Id).max(DOCUMENT_LIMITS.filesPerVersion * 2),
    /** The content key for each current reader, exactly (else document.readers-changed). */
    keys: z.array(DocumentKey).min(1).max(2000),
    /** The author's Ed25519 signature over the version (documentSignedBytes). */
    signature: SignatureString,
  })
  .strict();
export type SealedVersionInput = z.infer<typeof SealedVersionInput>;

export const CirculateDocument = z
  .object({
    docId: DocId,
    meta: DocumentMeta,
    /** When silence is kept; at least 24 hours and at most 180 days from now. */
    deadline: z.iso.datetime(),
    version: SealedVersionInput,
  })
  .strict();
export type CirculateDocument = z.infer<typeof CirculateDocument>;

export const ReviseDocument = z
  .object({
    /** The new deadline: a revision reopens silence; at least 24 hours from now. */
    deadline: z.iso.datetime(),
    version: SealedVersionInput,
  })
  .strict();
export type ReviseDocument = z.infer<typeof ReviseDocument>;

export const COMMENT_KINDS = ['comment', 'objection'] as const;
export const CommentKind = z.enum(COMMENT_KINDS);
export type CommentKind = z.infer<typeof CommentKind>;

/** A comment (silence holds) or an objection with its reason (breaks silence on this version), sealed under the version's content key. */
export const PostDocumentComment = z
  .object({
    version: z.number().int().positive(),
    kind: CommentKind,
    body: base64UrlMax(DOCUMENT_LIMITS.commentChars * 2),
    signature: SignatureString,
  })
  .strict();
export type PostDocumentComment = z.infer<typeof PostDocumentComment>;

/** A reader's client seals a version's content key for readers who have none (joined later, new keys). */
export const ShareDocumentKeys = z
  .object({
    version: z.number().int().positive(),
    keys: z.array(DocumentKey).min(1).max(200),
  })
  .strict();
export type ShareDocumentKeys = z.infer<typeof ShareDocumentKeys>;

/** What happened to an adopted document afterwards: a closed list, labelled in EN/RU by the client. */
export const DOCUMENT_STAGES = [
  'forwarded-to-working-group',
  'approved-by-senior-officials',
  'endorsed-by-ministers',
  'published',
  'implementation-started',
] as const;
export const DocumentStage = z.enum(DOCUMENT_STAGES);
export type DocumentStage = z.infer<typeof DocumentStage>;

export const RecordDocumentStage = z
  .object({
    stage: DocumentStage,
    /** The day it happened (YYYY-MM-DD). */
    date: z.iso.date(),
    /** Plaintext, seen by the server: a reference or a meeting, never the document's content. */
    note: z.string().trim().min(1).max(280).optional(),
  })
  .strict();
export type RecordDocumentStage = z.infer<typeof RecordDocumentStage>;

export const FileInLibrary = z.object({ itemId: z.string().trim().min(1).max(64) }).strict();
export type FileInLibrary = z.infer<typeof FileInLibrary>;

export const DocumentVersionView = z.object({
  number: z.number().int().positive(),
  head: z.string(),
  body: z.string(),
  files: z.array(z.object({ fileId: Id, size: z.number().int().nonnegative() })),
  signature: z.string(),
  authorId: Id,
  circulatedAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  /** The content key sealed to me (my current key), or null: waiting for another reader to share it. */
  myKey: z.string().nullable(),
});
export type DocumentVersionView = z.infer<typeof DocumentVersionView>;

export const DocumentCommentView = z.object({
  id: Id,
  version: z.number().int().positive(),
  kind: CommentKind,
  state: StateCode,
  byUserId: Id,
  body: z.string(),
  signature: z.string(),
  at: z.iso.datetime(),
});
export type DocumentCommentView = z.infer<typeof DocumentCommentView>;

export const DocumentStageView = z.object({
  stage: DocumentStage,
  date: z.iso.date(),
  note: z.string().nullable(),
  byUserId: Id,
  at: z.iso.datetime(),
});
export type DocumentStageView = z.infer<typeof DocumentStageView>;

export const DocumentView = z.object({
  proposalId: Id,
  docId: z.string(),
  meta: DocumentMeta,
  proposal: ProposalView,
  versions: z.array(DocumentVersionView),
  comments: z.array(DocumentCommentView),
  /** The readers now (verified keys): who a new version is sealed to, and whose signatures count. */
  readers: z.array(AudienceMember),
  /** Readers without a key to a version I hold a key to: my client seals one for them. */
  missingKeys: z.array(z.object({ version: z.number().int().positive(), userId: Id })),
  stages: z.array(DocumentStageView),
  libraryItemId: z.string().nullable(),
});
export type DocumentView = z.infer<typeof DocumentView>;

/** One line of the list: enough to decrypt the title of the latest version. */
export const DocumentSummary = z.object({
  proposalId: Id,
  docId: z.string(),
  meta: DocumentMeta,
  proposal: ProposalView,
  latest: DocumentVersionView.pick({ number: true, head: true, myKey: true, deadline: true }),
  comments: z.number().int().nonnegative(),
  libraryItemId: z.string().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** Refusal details of document.readers-changed: seal to exactly these and retry. */
export const DocumentReadersRequired = z.object({ readers: z.array(AudienceMember) });
export type DocumentReadersRequired = z.infer<typeof DocumentReadersRequired>;

export const UploadedDocumentFile = z.object({ id: Id, size: z.number().int().positive() });
export type UploadedDocumentFile = z.infer<typeof UploadedDocumentFile>;
