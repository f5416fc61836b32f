import { concatBytes, domainTag, fromBase64Url, toBase64Url, utf8Decode, utf8Encode } from '../crypto/encoding.js';
import { getSodium, type Sodium } from '../crypto/sodium.js';

/**
 * The keyed cryptography of listings (architecture: "Lost and stolen travel documents"). Keys are
 * 32 bytes; the network key of an epoch makes tags and details keys, a state's key its own copy.
 * Every HMAC input starts with a constant purpose string and a NUL, so no two uses collide.
 */
export const TAG_PURPOSE = 'FocalNet SLTD tag v1';
export const DETAILS_KEY_PURPOSE = 'FocalNet SLTD details v1';
export const CLEARED_PURPOSE = 'FocalNet SLTD cleared v1';
const DETAILS_AD = 'FocalNet SLTD details ad v1';
const OWN_AD = 'FocalNet SLTD own ad v1';
/** Plaintexts are padded to a multiple of this many bytes, so a ciphertext's size says little about the notes. */
const PAD_BLOCK = 64;

export const ENTRY_ID_BYTES = 16;

async function hmac(key: Uint8Array, purpose: string, message: string): Promise<Uint8Array> {
  const sodium = await getSodium();
  return sodium.crypto_auth_hmacsha256(concatBytes(domainTag(purpose), utf8Encode(message)), key);
}

/** A fresh entry id: 16 random bytes, base64url (the listing client picks it, so a retry is the same entry). */
export async function newEntryId(): Promise<string> {
  return toBase64Url((await getSodium()).randombytes_buf(ENTRY_ID_BYTES));
}

/** A fresh ring key: 32 random bytes. */
export async function newRingKey(): Promise<Uint8Array> {
  return (await getSodium()).randombytes_buf(32);
}

/** The tag of a document identity (`XX:NUMBER`) under a network key: 32 bytes. */
export const documentTag = (networkKey: Uint8Array, identity: string): Promise<Uint8Array> =>
  hmac(networkKey, TAG_PURPOSE, identity);

/** The key of an entry's details: only someone with the network key and the number can make it. */
export const detailsKey = (networkKey: Uint8Array, identity: string): Promise<Uint8Array> =>
  hmac(networkKey, DETAILS_KEY_PURPOSE, identity);

/** The emscripten module under libsodium's wrappers: what `tagger` calls directly. */
interface RawSodium {
  _malloc(bytes: number): number;
  HEAPU8: Uint8Array;
  /** (out, message, message length low 32 bits, high 32 bits, key) → 0 on success. */
  _crypto_auth_hmacsha256(out: number, message: number, lengthLow: number, lengthHigh: number, key: number): number;
}

const SCRATCH_BYTES = 256;
let scratch: { raw: RawSodium; key: number; message: number; out: number } | undefined;

function rawScratch(sodium: Sodium): typeof scratch {
  const raw = (sodium as unknown as { libsodium?: Partial<RawSodium> }).libsodium;
  if (!scratch && raw?._malloc && raw._crypto_auth_hmacsha256 && raw.HEAPU8) {
    const module = raw as RawSodium;
    scratch = { raw: module, key: module._malloc(32), message: module._malloc(SCRATCH_BYTES), out: module._malloc(32) };
  }
  return scratch;
}

/**
 * Tags for a whole manifest, fast: the same HMAC-SHA-256 as `documentTag`, but libsodium's
 * function is called on a scratch area of its heap written in place, where the wrappers would
 * allocate, copy and free three buffers per call (a 100,000-document manifest takes half the
 * time). Falls back to the wrappers when the raw module is not exposed or an identity is long.
 */
export async function tagger(networkKey: Uint8Array): Promise<(identity: string) => Uint8Array> {
  const sodium = await getSodium();
  const purpose = domainTag(TAG_PURPOSE);
  const area = rawScratch(sodium);
  const encoder = new TextEncoder();
  const slow = (identity: string) =>
    sodium.crypto_auth_hmacsha256(concatBytes(purpose, utf8Encode(identity)), networkKey);
  if (!area) return slow;
  return (identity) => {
    const heap = area.raw.HEAPU8; // read each time: the heap is replaced when it grows
    heap.set(networkKey, area.key);
    heap.set(purpose, area.message);
    const room = heap.subarray(area.message + purpose.length, area.message + SCRATCH_BYTES);
    const { read, written } = encoder.encodeInto(identity, room);
    if (read < identity.length) return slow(identity);
    const failed = area.raw._crypto_auth_hmacsha256(area.out, area.message, purpose.length + written, 0, area.key);
    heap.fill(0, area.key, area.key + 32); // no copy of the key stays behind in the heap
    return failed === 0 ? heap.slice(area.out, area.out + 32) : slow(identity);
  };
}

/** What binds a details ciphertext to its entry: id ‖ listing state ‖ network epoch ‖ version. */
export const detailsAd = (entry: { id: string; state: string; networkEpoch: number; version: number }): string =>
  `${DETAILS_AD}|${entry.id}|${entry.state}|${entry.networkEpoch}|${entry.version}`;

/** What binds the listing state's own copy to its entry: id ‖ listing state ‖ version. */
export const ownAd = (entry: { id: string; state: string; version: number }): string =>
  `${OWN_AD}|${entry.id}|${entry.state}|${entry.version}`;

/** XChaCha20-Poly1305 of the padded JSON, the 24-byte nonce first; base64url. */
async function seal(value: unknown, key: Uint8Array, ad: string): Promise<string> {
  const sodium = await getSodium();
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const padded = sodium.pad(utf8Encode(JSON.stringify(value)), PAD_BLOCK);
  const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(padded, utf8Encode(ad), null, nonce, key);
  return toBase64Url(concatBytes(nonce, sealed));
}

/** Throws when the key or the entry is not the one it was sealed for, or the bytes were changed. */
async function open(sealed: string, key: Uint8Array, ad: string): Promise<unknown> {
  const sodium = await getSodium();
  const bytes = fromBase64Url(sealed);
  const n = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  const padded = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
    null,
    bytes.subarray(n),
    utf8Encode(ad),
    bytes.subarray(0, n),
    key,
  );
  return JSON.parse(utf8Decode(sodium.unpad(padded, PAD_BLOCK))) as unknown;
}

/** Details sealed under the details key of (network key, identity), bound by `detailsAd`. */
export async function sealDetails(
  networkKey: Uint8Array,
  identity: string,
  entry: Parameters<typeof detailsAd>[0],
  details: unknown,
): Promise<string> {
  return seal(details, await detailsKey(networkKey, identity), detailsAd(entry));
}

export async function openDetails(
  networkKey: Uint8Array,
  identity: string,
  entry: Parameters<typeof detailsAd>[0],
  sealed: string,
): Promise<unknown> {
  return open(sealed, await detailsKey(networkKey, identity), detailsAd(entry));
}

/** The listing state's own copy under its state key, bound by `ownAd`. */
export const sealOwn = (stateKey: Uint8Array, entry: Parameters<typeof ownAd>[0], own: unknown): Promise<string> =>
  seal(own, stateKey, ownAd(entry));

export const openOwn = (stateKey: Uint8Array, entry: Parameters<typeof ownAd>[0], sealed: string): Promise<unknown> =>
  open(sealed, stateKey, ownAd(entry));

/** A cleared hit, as the screening state remembers it: HMAC(state key, purpose ‖ entry id ‖ version), base64url. */
export async function clearedMarker(stateKey: Uint8Array, entryId: string, version: number): Promise<string> {
  return toBase64Url(await hmac(stateKey, CLEARED_PURPOSE, `${entryId}|${version}`));
}
