import {
  openContentKey,
  openDocumentBody,
  openDocumentComment,
  openDocumentHead,
  sealContentKey,
  verifyDocumentVersion,
  type DocumentFileRef,
} from '../../../shared/crypto/document-seal.js';
import type { EncryptionKeyPair } from '../../../shared/crypto/keys.js';
import type {
  DocumentCommentView,
  DocumentSummary,
  DocumentVersionView,
  DocumentView,
} from '../../../shared/schemas/documents.js';
import type { DocumentsApi } from '../api/documents-api.js';
import { checkedReaders, identityKeyOf } from './readers.js';

/** A version as its reader sees it; `readable: false` while waiting for a key, or when it fails to open. */
export type OpenedVersion =
  | {
      number: number;
      readable: true;
      title: string;
      text: string;
      files: DocumentFileRef[];
      circulatedAt: string;
      deadline: string;
      contentKey: Uint8Array;
    }
  | { number: number; readable: false; waitingForKey: boolean; circulatedAt: string; deadline: string };

export type OpenedComment = Omit<DocumentCommentView, 'body' | 'signature'> & { text: string | null };

export interface OpenedDocument {
  view: DocumentView;
  versions: OpenedVersion[];
  comments: OpenedComment[];
  /** How many keys this client shared with readers who had none. */
  sharedKeys: number;
}

async function openVersion(
  view: DocumentView,
  version: DocumentVersionView,
  mine: EncryptionKeyPair,
): Promise<OpenedVersion> {
  const { number, circulatedAt, deadline } = version;
  if (version.myKey === null) return { number, readable: false, waitingForKey: true, circulatedAt, deadline };
  try {
    const author = identityKeyOf(view.readers, version.authorId);
    if (!author || !(await verifyDocumentVersion(view.docId, view.meta, version, author))) throw new Error('signature');
    const contentKey = await openContentKey(version.myKey, mine);
    const { title } = await openDocumentHead(view.docId, number, version.head, contentKey);
    const { text, files } = await openDocumentBody(view.docId, number, version.body, contentKey);
    return { number, readable: true, title, text, files, circulatedAt, deadline, contentKey };
  } catch {
    return { number, readable: false, waitingForKey: false, circulatedAt, deadline };
  }
}

async function openComment(view: DocumentView, comment: DocumentCommentView, versions: OpenedVersion[]) {
  const { body, signature, ...rest } = comment;
  const version = versions.find((candidate) => candidate.number === comment.version);
  const author = identityKeyOf(view.readers, comment.byUserId);
  if (!version?.readable || !author) return { ...rest, text: null };
  try {
    const id = { docId: view.docId, version: comment.version, kind: comment.kind, byUserId: comment.byUserId };
    return { ...rest, text: await openDocumentComment(id, { body, signature }, version.contentKey, author) };
  } catch {
    return { ...rest, text: null };
  }
}

/**
 * Seals the keys I hold for readers who have none (joined later, new keys), bundles checked here;
 * answers how many were shared. Another reader's client may have done it first: then nothing.
 */
async function shareMissingKeys(api: DocumentsApi, view: DocumentView, versions: OpenedVersion[]): Promise<number> {
  let shared = 0;
  for (const version of versions) {
    if (!version.readable) continue;
    const lacking = view.missingKeys.filter((missing) => missing.version === version.number).map((m) => m.userId);
    const members = view.readers.filter((reader) => lacking.includes(reader.userId));
    if (members.length === 0) continue;
    const keys = await sealContentKey(version.contentKey, await checkedReaders(members));
    await api.shareKeys(view.proposalId, { version: version.number, keys });
    shared += keys.length;
  }
  return shared;
}

/** Fetches, checks and decrypts a document, and shares its keys with readers still waiting for one. */
export async function openDocument(
  api: DocumentsApi,
  mine: EncryptionKeyPair,
  proposalId: string,
): Promise<OpenedDocument> {
  const view = await api.get(proposalId);
  const versions = await Promise.all(view.versions.map((version) => openVersion(view, version, mine)));
  const comments = await Promise.all(view.comments.map((comment) => openComment(view, comment, versions)));
  let sharedKeys = 0;
  try {
    sharedKeys = await shareMissingKeys(api, view, versions);
  } catch {
    // Another reader shared first, or a reader changed meanwhile: the next opening tries again.
  }
  return { view, versions, comments, sharedKeys };
}

/** The latest version's title, or null while I have no key to it. */
export async function openTitle(summary: DocumentSummary, mine: EncryptionKeyPair): Promise<string | null> {
  if (summary.latest.myKey === null) return null;
  try {
    const contentKey = await openContentKey(summary.latest.myKey, mine);
    return (await openDocumentHead(summary.docId, summary.latest.number, summary.latest.head, contentKey)).title;
  } catch {
    return null;
  }
}
