import { z } from 'zod';
import type { DocumentMeta } from '../schemas/document-meta.js';
import type { CommentKind, DocumentKey, SealedVersionInput } from '../schemas/documents.js';
import { canonicalJsonBytes } from './canonical-json.js';
import { concatBytes, domainTag, fromBase64Url, toBase64Url, utf8Decode } from './encoding.js';
import { CryptoError } from './errors.js';
import type { EncryptionKeyPair, IdentityKeyPair } from './keys.js';
import { getSodium } from './sodium.js';

/**
 * Documents for comment, sealed in the client (the server stores only this ciphertext):
 * - a fresh 32-byte content key per version; the title (`head`) and the text with the files'
 *   names and secretstream keys (`body`) are each nonce ‖ XChaCha20-Poly1305 under it, with the
 *   document id, version and part as associated data (the server cannot swap them);
 * - the content key is crypto_box_seal'ed to each reader's verified X25519 key;
 * - the author signs (Ed25519) the document id, version, metadata, ciphertexts and file ids;
 * - comments and objections are sealed under the version's content key (every reader of the
 *   version reads them) and signed by their author.
 */
const VERSION_SIG_TAG = domainTag('focalnet/document-version/v1');
const COMMENT_SIG_TAG = domainTag('focalnet/document-comment/v1');
const NONCE_BYTES = 24;

/** A file of a version as the sealed body names it: where its ciphertext is and how to open it. */
export const DocumentFileRef = z.object({
  fileId: z.string(),
  name: z.string().max(255),
  type: z.string().max(255),
  size: z.number().int().nonnegative(),
  fileKey: z.string(),
  header: z.string(),
});
export type DocumentFileRef = z.infer<typeof DocumentFileRef>;

export const DocumentHead = z.object({ title: z.string() });
export const DocumentBody = z.object({ text: z.string(), files: z.array(DocumentFileRef) });
export type DocumentBody = z.infer<typeof DocumentBody>;
const CommentBody = z.object({ text: z.string() });

/** A reader to seal to: a key from a bundle whose self-signature was checked and that an admin verified. */
export interface DocumentReader {
  readonly userId: string;
  readonly keyVersion: number;
  readonly encryptionKey: Uint8Array;
}

async function encryptPart(key: Uint8Array, value: unknown, ad: unknown): Promise<string> {
  const sodium = await getSodium();
  const nonce = sodium.randombytes_buf(NONCE_BYTES);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    canonicalJsonBytes(value),
    canonicalJsonBytes(ad),
    null,
    nonce,
    key,
  );
  return toBase64Url(concatBytes(nonce, ciphertext));
}

async function decryptPart<T>(key: Uint8Array, sealed: string, ad: unknown, schema: z.ZodType<T>): Promise<T> {
  const sodium = await getSodium();
  const bytes = fromBase64Url(sealed);
  let plaintext: Uint8Array;
  try {
    plaintext = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      bytes.subarray(NONCE_BYTES),
      canonicalJsonBytes(ad),
      bytes.subarray(0, NONCE_BYTES),
      key,
    );
  } catch {
    throw new CryptoError('crypto.decrypt-failed', 'document part does not decrypt');
  }
  const parsed = schema.safeParse(JSON.parse(utf8Decode(plaintext)));
  if (!parsed.success) throw new CryptoError('crypto.malformed', 'document part is malformed');
  return parsed.data;
}

/** The content key sealed to each reader. */
export async function sealContentKey(
  contentKey: Uint8Array,
  readers: readonly DocumentReader[],
): Promise<DocumentKey[]> {
  const sodium = await getSodium();
  return readers.map((reader) => {
    try {
      return {
        userId: reader.userId,
        keyVersion: reader.keyVersion,
        sealed: toBase64Url(sodium.crypto_box_seal(contentKey, reader.encryptionKey)),
      };
    } catch {
      throw new CryptoError('crypto.malformed', `encryption key of ${reader.userId} is not a usable X25519 key`);
    }
  });
}

/** Opens my sealed content key. */
export async function openContentKey(sealed: string, mine: EncryptionKeyPair): Promise<Uint8Array> {
  const sodium = await getSodium();
  try {
    return sodium.crypto_box_seal_open(fromBase64Url(sealed), mine.publicKey, mine.privateKey);
  } catch {
    throw new CryptoError('crypto.decrypt-failed', 'the document key is not sealed to my key');
  }
}

interface VersionIdentity {
  readonly docId: string;
  readonly number: number;
  readonly meta: DocumentMeta;
  readonly authorId: string;
}

const versionSignedBytes = (id: VersionIdentity, head: string, body: string, files: readonly string[]): Uint8Array =>
  concatBytes(
    VERSION_SIG_TAG,
    canonicalJsonBytes({ docId: id.docId, number: id.number, meta: id.meta, authorId: id.authorId, head, body, files }),
  );

export interface SealVersionInput extends VersionIdentity {
  readonly title: string;
  readonly text: string;
  readonly files: readonly DocumentFileRef[];
  readonly readers: readonly DocumentReader[];
  readonly authorIdentity: IdentityKeyPair;
}

/** Seals one version under a fresh content key, to every reader, signed by the author. */
export async function sealDocumentVersion(input: SealVersionInput): Promise<SealedVersionInput> {
  const sodium = await getSodium();
  const contentKey = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  try {
    const ad = (part: string) => ({ docId: input.docId, number: input.number, part });
    const head = await encryptPart(contentKey, { title: input.title }, ad('head'));
    const body = await encryptPart(contentKey, { text: input.text, files: input.files }, ad('body'));
    const fileIds = input.files.map((file) => file.fileId);
    const signature = sodium.crypto_sign_detached(
      versionSignedBytes(input, head, body, fileIds),
      input.authorIdentity.privateKey,
    );
    return {
      number: input.number,
      head,
      body,
      files: fileIds,
      keys: await sealContentKey(contentKey, input.readers),
      signature: toBase64Url(signature),
    };
  } finally {
    contentKey.fill(0);
  }
}

export interface SealedVersion {
  readonly number: number;
  readonly head: string;
  readonly body: string;
  readonly files: ReadonlyArray<{ fileId: string }>;
  readonly signature: string;
  readonly authorId: string;
}

/** True when the author's identity key signed this version of this document. */
export async function verifyDocumentVersion(
  docId: string,
  meta: DocumentMeta,
  version: SealedVersion,
  authorIdentityKey: Uint8Array,
): Promise<boolean> {
  const sodium = await getSodium();
  const bytes = versionSignedBytes(
    { docId, meta, number: version.number, authorId: version.authorId },
    version.head,
    version.body,
    version.files.map((file) => file.fileId),
  );
  try {
    return sodium.crypto_sign_verify_detached(fromBase64Url(version.signature), bytes, authorIdentityKey);
  } catch {
    return false;
  }
}

/** The title of a version (the list needs nothing else). */
export async function openDocumentHead(docId: string, number: number, head: string, contentKey: Uint8Array) {
  return decryptPart(contentKey, head, { docId, number, part: 'head' }, DocumentHead);
}

export async function openDocumentBody(docId: string, number: number, body: string, contentKey: Uint8Array) {
  return decryptPart(contentKey, body, { docId, number, part: 'body' }, DocumentBody);
}

interface CommentIdentity {
  readonly docId: string;
  readonly version: number;
  readonly kind: CommentKind;
  readonly byUserId: string;
}

const commentAd = (id: CommentIdentity) => ({
  docId: id.docId,
  version: id.version,
  kind: id.kind,
  byUserId: id.byUserId,
  part: 'comment',
});
const commentSignedBytes = (id: CommentIdentity, body: string): Uint8Array =>
  concatBytes(COMMENT_SIG_TAG, canonicalJsonBytes({ ...commentAd(id), body }));

/** A comment or objection sealed under the version's content key and signed by its author. */
export async function sealDocumentComment(
  id: CommentIdentity,
  text: string,
  contentKey: Uint8Array,
  identity: IdentityKeyPair,
): Promise<{ body: string; signature: string }> {
  const sodium = await getSodium();
  const body = await encryptPart(contentKey, { text }, commentAd(id));
  const signature = sodium.crypto_sign_detached(commentSignedBytes(id, body), identity.privateKey);
  return { body, signature: toBase64Url(signature) };
}

/** The comment's text, after checking its author's signature. */
export async function openDocumentComment(
  id: CommentIdentity,
  sealed: { body: string; signature: string },
  contentKey: Uint8Array,
  authorIdentityKey: Uint8Array,
): Promise<string> {
  const sodium = await getSodium();
  let valid: boolean;
  try {
    valid = sodium.crypto_sign_verify_detached(
      fromBase64Url(sealed.signature),
      commentSignedBytes(id, sealed.body),
      authorIdentityKey,
    );
  } catch {
    valid = false;
  }
  if (!valid) throw new CryptoError('crypto.bad-signature', 'the comment is not signed by its author');
  return (await decryptPart(contentKey, sealed.body, commentAd(id), CommentBody)).text;
}
