import { encryptAttachment } from '../../../shared/crypto/attachment-stream.js';
import { sealDocumentVersion, type DocumentFileRef } from '../../../shared/crypto/document-seal.js';
import { concatBytes, toBase64Url } from '../../../shared/crypto/encoding.js';
import { CryptoError } from '../../../shared/crypto/errors.js';
import type { UserKeys } from '../../../shared/crypto/keys.js';
import { getSodium } from '../../../shared/crypto/sodium.js';
import type { AudienceMember } from '../../../shared/schemas/audience.js';
import type { DocumentMeta } from '../../../shared/schemas/document-meta.js';
import {
  DOCUMENT_LIMITS,
  DOCUMENT_TITLE_MAX,
  DocumentReadersRequired,
  type DocumentView,
  type SealedVersionInput,
} from '../../../shared/schemas/documents.js';
import { isApiError } from '../api-error.js';
import type { DocumentsApi } from '../api/documents-api.js';
import { checkedReaders } from './readers.js';

/** A file to circulate: encrypted here, only its ciphertext is uploaded. */
export interface DocumentFileInput {
  readonly name: string;
  readonly type?: string;
  readonly bytes: Uint8Array;
}

export interface DraftInput {
  readonly title: string;
  readonly text: string;
  readonly files?: readonly DocumentFileInput[];
  /** ISO date-time: when silence is kept. */
  readonly deadline: string;
}

/** Attempts at sealing to the readers the server names (someone activated meanwhile: seal again). */
const SEAL_ATTEMPTS = 3;

function checkDraft(draft: DraftInput): void {
  if (draft.title.trim().length === 0 || draft.title.length > DOCUMENT_TITLE_MAX)
    throw new CryptoError('crypto.too-large', `a title of 1 to ${DOCUMENT_TITLE_MAX} characters`);
  const files = draft.files ?? [];
  if (files.length > DOCUMENT_LIMITS.filesPerVersion)
    throw new CryptoError('crypto.too-large', `at most ${DOCUMENT_LIMITS.filesPerVersion} files`);
}

/** Encrypts each file as a secretstream and uploads the ciphertext; the refs go into the sealed body. */
async function uploadFiles(api: DocumentsApi, files: readonly DocumentFileInput[]): Promise<DocumentFileRef[]> {
  const refs: DocumentFileRef[] = [];
  for (const file of files) {
    const encrypted = await encryptAttachment([file.bytes]);
    const chunks: Uint8Array[] = [];
    for await (const chunk of encrypted.ciphertext) chunks.push(chunk);
    const { id } = await api.uploadFile(new Uint8Array(concatBytes(...chunks)));
    refs.push({
      fileId: id,
      name: file.name,
      type: file.type ?? 'application/octet-stream',
      size: file.bytes.length,
      fileKey: encrypted.fileKey,
      header: encrypted.header,
    });
  }
  return refs;
}

/**
 * Seals a version to the readers the server names and sends it; when the readers changed
 * meanwhile (document.readers-changed), seals again to the ones the refusal names.
 */
async function sealAndSend(
  api: DocumentsApi,
  seal: (readers: readonly AudienceMember[]) => Promise<SealedVersionInput>,
  send: (version: SealedVersionInput) => Promise<DocumentView>,
): Promise<DocumentView> {
  let readers = await api.readers();
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(await seal(readers));
    } catch (error) {
      if (attempt >= SEAL_ATTEMPTS || !isApiError(error, 'document.readers-changed')) throw error;
      readers = DocumentReadersRequired.parse(error.details).readers;
    }
  }
}

export interface VersionContext {
  readonly docId: string;
  readonly meta: DocumentMeta;
  readonly number: number;
  readonly authorId: string;
}

async function sealDraft(
  context: VersionContext,
  draft: DraftInput,
  files: DocumentFileRef[],
  keys: UserKeys,
  readers: readonly AudienceMember[],
): Promise<SealedVersionInput> {
  return sealDocumentVersion({
    ...context,
    title: draft.title.trim(),
    text: draft.text,
    files,
    readers: await checkedReaders(readers),
    authorIdentity: keys.identity,
  });
}

/** The secretariat circulates a new document (version 1). */
export async function circulateDocument(
  api: DocumentsApi,
  keys: UserKeys,
  authorId: string,
  input: DraftInput & { meta: DocumentMeta },
): Promise<DocumentView> {
  checkDraft(input);
  const sodium = await getSodium();
  const docId = toBase64Url(sodium.randombytes_buf(16));
  const files = await uploadFiles(api, input.files ?? []);
  const context = { docId, meta: input.meta, number: 1, authorId };
  return sealAndSend(
    api,
    (readers) => sealDraft(context, input, files, keys, readers),
    (version) => api.circulate({ docId, meta: input.meta, deadline: input.deadline, version }),
  );
}

/** The secretariat circulates a revised draft: the next version, sealed anew under a fresh key. */
export async function reviseDocument(
  api: DocumentsApi,
  keys: UserKeys,
  authorId: string,
  proposalId: string,
  input: DraftInput,
): Promise<DocumentView> {
  checkDraft(input);
  const current = await api.get(proposalId);
  const number = (current.proposal.documentVersion ?? current.versions.length) + 1;
  const files = await uploadFiles(api, input.files ?? []);
  const context = { docId: current.docId, meta: current.meta, number, authorId };
  return sealAndSend(
    api,
    (readers) => sealDraft(context, input, files, keys, readers),
    (version) => api.revise(proposalId, { deadline: input.deadline, version }),
  );
}
