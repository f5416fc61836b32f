import { canonicalJsonBytes } from '../../../shared/crypto/canonical-json.js';
import { fromBase64Url, toBase64Url, utf8Decode, utf8Encode } from '../../../shared/crypto/encoding.js';
import { getSodium } from '../../../shared/crypto/sodium.js';
import type { PublicKeyBundle } from '../../../shared/crypto/verify-key-bundle.js';
import type { GrantView } from '../../../shared/schemas/library.js';
import { openKeyGrant, sealKeyGrant, type KeyGrantStatement } from '../key-grant.js';

/**
 * The library's cryptography, all in the client:
 * - a shelf key (32 random bytes) per shelf and epoch, sealed (crypto_box_seal) to each reader's
 *   verified encryption key; the granter signs a statement naming the shelf, the epoch, the reader
 *   and a keyed hash of the key, so a server cannot hand a reader a key of its own making;
 * - an item key per version, wrapped (XChaCha20-Poly1305) under the shelf key, bound to the item,
 *   version, shelf and epoch;
 * - the version's metadata and text sealed under the item key; files as secretstreams with their
 *   own keys, named in the metadata with the hash of their ciphertext;
 * - the author's Ed25519 signature over the canonical version header (ids, shelf, epoch, plaintext
 *   metadata and the hashes of every ciphertext).
 */

const KEY_HASH_CONTEXT = 'focalnet/library-shelf-key/v1';

export async function randomKey(): Promise<Uint8Array> {
  return (await getSodium()).randombytes_buf(32);
}

/** A fresh item id: 12 random bytes as 24 hex characters (an id the server takes as is). */
export async function newItemId(): Promise<string> {
  const bytes = (await getSodium()).randombytes_buf(12);
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function hashOf(bytes: Uint8Array): Promise<string> {
  return toBase64Url((await getSodium()).crypto_generichash(32, bytes, null));
}

interface GrantStatement {
  shelf: string;
  epoch: number;
  readerId: string;
  keyVersion: number;
}

const shelfGrant = (statement: GrantStatement): KeyGrantStatement => ({
  context: KEY_HASH_CONTEXT,
  message: (commitment) =>
    canonicalJsonBytes({ v: 1, purpose: 'focalnet/library-grant', ...statement, key: commitment }),
});

/** Seals the shelf key to one reader (whose bundle is checked here) and signs the grant. */
export function sealGrant(
  shelfKey: Uint8Array,
  statement: GrantStatement,
  reader: PublicKeyBundle,
  granterIdentityKey: Uint8Array,
): Promise<{ sealedKey: string; signature: string }> {
  return sealKeyGrant(shelfKey, shelfGrant(statement), reader, `reader ${statement.readerId}`, granterIdentityKey);
}

/** Opens my grant and checks who granted it; undefined when it does not open or verify. */
export function openGrant(
  grant: GrantView,
  me: { encryptionPublicKey: Uint8Array; encryptionPrivateKey: Uint8Array },
): Promise<Uint8Array | undefined> {
  const statement = {
    shelf: grant.audience,
    epoch: grant.epoch,
    readerId: grant.readerId,
    keyVersion: grant.keyVersion,
  };
  return openKeyGrant(grant, shelfGrant(statement), me);
}

/** XChaCha20-Poly1305 with a random nonce prepended; `context` is bound as associated data. */
export async function aeadSeal(plaintext: Uint8Array, key: Uint8Array, context: string): Promise<string> {
  const sodium = await getSodium();
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, utf8Encode(context), null, nonce, key);
  const out = new Uint8Array(nonce.length + sealed.length);
  out.set(nonce);
  out.set(sealed, nonce.length);
  return toBase64Url(out);
}

/** Throws when the ciphertext was changed, is of another context, or the key is wrong. */
export async function aeadOpen(sealed: string, key: Uint8Array, context: string): Promise<Uint8Array> {
  const sodium = await getSodium();
  const bytes = fromBase64Url(sealed);
  const n = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
    null,
    bytes.subarray(n),
    utf8Encode(context),
    bytes.subarray(0, n),
    key,
  );
}

export const wrapContext = (shelf: string, epoch: number, itemId: string, version: number): string =>
  `focalnet/library-item-key/v1|${shelf}|${epoch}|${itemId}|${version}`;
export const contentContext = (part: 'meta' | 'text', itemId: string, version: number): string =>
  `focalnet/library-${part}/v1|${itemId}|${version}`;

/** What the author signs: every plaintext field of the version and the hash of every ciphertext. */
export interface VersionHeader {
  itemId: string;
  version: number;
  shelf: string;
  epoch: number;
  kind: string;
  domain: string | null;
  language: string;
  refs: { eventId?: string | undefined; proposalId?: string | undefined };
  authorId: string;
  wrappedKey: string;
  meta: string;
  text: string | null;
  files: ReadonlyArray<{ id: string; size: number }>;
}

async function headerBytes(header: VersionHeader): Promise<Uint8Array> {
  return canonicalJsonBytes({
    v: 1,
    purpose: 'focalnet/library-version',
    itemId: header.itemId,
    version: header.version,
    shelf: header.shelf,
    epoch: header.epoch,
    kind: header.kind,
    domain: header.domain,
    language: header.language,
    refs: { eventId: header.refs.eventId ?? null, proposalId: header.refs.proposalId ?? null },
    authorId: header.authorId,
    wrappedKey: await hashOf(fromBase64Url(header.wrappedKey)),
    meta: await hashOf(fromBase64Url(header.meta)),
    text: header.text === null ? null : await hashOf(fromBase64Url(header.text)),
    files: header.files.map((file) => ({ id: file.id, size: file.size })),
  });
}

export async function signHeader(header: VersionHeader, identityPrivateKey: Uint8Array): Promise<string> {
  const sodium = await getSodium();
  return toBase64Url(sodium.crypto_sign_detached(await headerBytes(header), identityPrivateKey));
}

export async function verifyHeader(header: VersionHeader, signature: string, identityKey: string): Promise<boolean> {
  const sodium = await getSodium();
  try {
    return sodium.crypto_sign_verify_detached(
      fromBase64Url(signature),
      await headerBytes(header),
      fromBase64Url(identityKey),
    );
  } catch {
    return false;
  }
}

export const encodeJson = (value: unknown): Uint8Array => utf8Encode(JSON.stringify(value));
export const decodeJson = (bytes: Uint8Array): unknown => JSON.parse(utf8Decode(bytes)) as unknown;
