import { decryptAttachment } from '../../../shared/crypto/attachment-stream.js';
import { sealDocumentComment, type DocumentFileRef } from '../../../shared/crypto/document-seal.js';
import { concatBytes } from '../../../shared/crypto/encoding.js';
import { CryptoError } from '../../../shared/crypto/errors.js';
import type { DocumentMeta } from '../../../shared/schemas/document-meta.js';
import type {
  CommentKind,
  DocumentSummary,
  DocumentView,
  FileInLibrary,
  RecordDocumentStage,
} from '../../../shared/schemas/documents.js';
import type { DocumentsApi } from '../api/documents-api.js';
import type { KeyStore } from '../key-store.js';
import type { SessionManager } from '../session-manager.js';
import { circulateDocument, reviseDocument, type DraftInput } from './circulate-document.js';
import { openDocument, openTitle, type OpenedDocument } from './open-document.js';
import { unlocked } from './readers.js';

export type { DocumentFileInput, DraftInput } from './circulate-document.js';
export type { OpenedComment, OpenedDocument, OpenedVersion } from './open-document.js';

export type DocumentListItem = DocumentSummary & { title: string | null };

/** Documents for comment, end-to-end encrypted: sealing and opening happen here, the server sees ciphertext. */
export interface Documents {
  readonly api: DocumentsApi;
  /** Newest first, titles decrypted (null while waiting for a key). */
  list(): Promise<DocumentListItem[]>;
  /** Decrypts every version and comment (signatures checked) and shares keys with readers still waiting for one. */
  open(proposalId: string): Promise<OpenedDocument>;
  /** The secretariat: a new document under the silence procedure. */
  circulate(input: DraftInput & { meta: DocumentMeta }): Promise<DocumentView>;
  /** The secretariat: a revised draft with a new deadline. */
  revise(proposalId: string, input: DraftInput): Promise<DocumentView>;
  /** A national admin: a comment (silence holds) or an objection (breaks it) on the current version. */
  respond(proposalId: string, input: { kind: CommentKind; text: string }): Promise<DocumentView>;
  /** A file's plaintext, decrypted and authenticated here. */
  downloadFile(proposalId: string, file: DocumentFileRef): Promise<Uint8Array>;
  recordStage(proposalId: string, input: RecordDocumentStage): Promise<DocumentView>;
  noteLibraryItem(proposalId: string, input: FileInLibrary): Promise<DocumentView>;
}

export function createDocuments(api: DocumentsApi, session: SessionManager, keyStore: KeyStore): Documents {
  const me = (): string => {
    const id = session.current()?.user.id;
    if (!id) throw new CryptoError('crypto.malformed', 'sign in first');
    return id;
  };
  return {
    api,
    async list() {
      const mine = unlocked(keyStore).encryption;
      const summaries = await api.list();
      return Promise.all(summaries.map(async (summary) => ({ ...summary, title: await openTitle(summary, mine) })));
    },
    open: (proposalId) => openDocument(api, unlocked(keyStore).encryption, proposalId),
    circulate: (input) => circulateDocument(api, unlocked(keyStore), me(), input),
    revise: (proposalId, input) => reviseDocument(api, unlocked(keyStore), me(), proposalId, input),
    async respond(proposalId, input) {
      const keys = unlocked(keyStore);
      const opened = await openDocument(api, keys.encryption, proposalId);
      const number = opened.view.proposal.documentVersion ?? opened.versions.length;
      const version = opened.versions.find((candidate) => candidate.number === number);
      if (!version?.readable)
        throw new CryptoError('crypto.not-a-recipient', 'the current version is not readable yet');
      const id = { docId: opened.view.docId, version: number, kind: input.kind, byUserId: me() };
      const sealed = await sealDocumentComment(id, input.text, version.contentKey, keys.identity);
      return api.comment(proposalId, { version: number, kind: input.kind, ...sealed });
    },
    async downloadFile(proposalId, file) {
      const ciphertext = await api.downloadFile(proposalId, file.fileId);
      const parts: Uint8Array[] = [];
      for await (const part of decryptAttachment([ciphertext], file)) parts.push(part);
      return concatBytes(...parts);
    },
    recordStage: (proposalId, input) => api.recordStage(proposalId, input),
    noteLibraryItem: (proposalId, input) => api.noteLibraryItem(proposalId, input),
  };
}
