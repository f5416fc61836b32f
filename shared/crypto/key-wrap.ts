import { getSodium, type Sodium } from './sodium.js';
import { concatBytes, domainTag, fromBase64Url, lengthPrefixed, toBase64Url, utf8Encode } from './encoding.js';
import { CryptoError, type CryptoErrorCode } from './errors.js';
import type { UserKeys } from './keys.js';
import { RECOVERY_KEY_BYTES } from './recovery-key.js';
import {
  KDF_SALT_BYTES,
  ExportKeyWrappedKeys,
  PassphraseWrappedKeys,
  RecoveryWrappedKeys,
  WRAP_NONCE_BYTES,
  WRAPPED_SECRET_BYTES,
  type StoredWrappedKeys,
  type WrappedKeys,
} from './wrapped-keys-format.js';

/** Argon2id cost; tests pass libsodium's minimums (opsLimit 1, memLimit 8192) to run fast. */
export interface KdfLimits {
  readonly opsLimit: number;
  /** bytes */
  readonly memLimit: number;
}

/** Handbook parameters: argon2id, ops 3, 64 MiB. */
export const DEFAULT_KDF_LIMITS: KdfLimits = { opsLimit: 3, memLimit: 64 * 2 ** 20 };
// Bounds on stored parameters: the blob may come from the server, which must not be able to
// make a client spin or exhaust memory. Lower bounds are libsodium's argon2id minimums.
const OPS_BOUNDS = [1, 10] as const;
const MEM_BOUNDS = [8192, 256 * 2 ** 20] as const;

const WRAP_TAG = domainTag('focalnet/key-wrap/v1');
const RECOVERY_WRAP_TAG = domainTag('focalnet/recovery-wrap/v1');
const EXPORT_KEY_WRAP_TAG = domainTag('focalnet/opaque-export-key-wrap/v1');
/** OPAQUE's export key with ristretto255/SHA-512: 64 bytes. */
const EXPORT_KEY_BYTES = 64;

/** AD binds the blob to its format version, method and owner: a blob copied to another user fails. */
function associatedData(method: WrappedKeys['method'], userId: string): Uint8Array {
  return concatBytes(WRAP_TAG, lengthPrefixed(utf8Encode(method), utf8Encode(userId)));
}

function checkLimits(limits: KdfLimits): void {
  const inRange = (value: number, [min, max]: readonly [number, number]) =>
    Number.isSafeInteger(value) && value >= min && value <= max;
  if (!inRange(limits.opsLimit, OPS_BOUNDS) || !inRange(limits.memLimit, MEM_BOUNDS)) {
    throw new CryptoError(
      'crypto.unsupported-params',
      `argon2id limits out of bounds: ops ${limits.opsLimit}, mem ${limits.memLimit}`,
    );
  }
}

function seal(
  sodium: Sodium,
  keys: UserKeys,
  wrapKey: Uint8Array,
  ad: Uint8Array,
): { nonce: string; ciphertext: string } {
  const secret = concatBytes(keys.identity.privateKey, keys.encryption.privateKey);
  if (secret.length !== WRAPPED_SECRET_BYTES) throw new CryptoError('crypto.malformed', 'unexpected private key sizes');
  const nonce = sodium.randombytes_buf(WRAP_NONCE_BYTES);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(secret, ad, null, nonce, wrapKey);
  sodium.memzero(secret);
  return { nonce: toBase64Url(nonce), ciphertext: toBase64Url(ciphertext) };
}

function open(
  sodium: Sodium,
  wrapped: { nonce: string; ciphertext: string },
  wrapKey: Uint8Array,
  ad: Uint8Array,
  failure: CryptoErrorCode,
): UserKeys {
  let secret: Uint8Array;
  try {
    secret = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      fromBase64Url(wrapped.ciphertext),
      ad,
      fromBase64Url(wrapped.nonce),
      wrapKey,
    );
  } catch {
    throw new CryptoError(failure);
  }
  // Rebuild the key pairs from the private parts rather than trusting stored public keys.
  const seed = secret.slice(0, 32);
  const identity = sodium.crypto_sign_seed_keypair(seed);
  sodium.memzero(seed);
  const encryptionPrivate = secret.slice(64, WRAPPED_SECRET_BYTES);
  const encryption = { publicKey: sodium.crypto_scalarmult_base(encryptionPrivate), privateKey: encryptionPrivate };
  const consistent = sodium.memcmp(identity.privateKey, secret.subarray(0, 64));
  sodium.memzero(secret);
  if (!consistent) throw new CryptoError('crypto.malformed', 'unwrapped identity key is inconsistent');
  return { identity: { publicKey: identity.publicKey, privateKey: identity.privateKey }, encryption };
}

async function passphraseKey(
  sodium: Sodium,
  passphrase: string,
  salt: Uint8Array,
  limits: KdfLimits,
): Promise<Uint8Array> {
  checkLimits(limits);
  // NFC so the same passphrase typed on different keyboards/OSes derives the same key.
  return sodium.crypto_pwhash(
    32,
    utf8Encode(passphrase.normalize('NFC')),
    salt,
    limits.opsLimit,
    limits.memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}

/**
 * Wraps a user's private keys under a passphrase: argon2id (default ops 3, 64 MiB; salt 16
 * bytes) derives a 32-byte key for XChaCha20-Poly1305 (nonce 24 bytes), AD = version, method
 * and `userId`. The returned blob carries alg/ops/mem/salt for unwrapping.
 */
export async function wrapWithPassphrase(
  keys: UserKeys,
  passphrase: string,
  userId: string,
  limits: KdfLimits = DEFAULT_KDF_LIMITS,
): Promise<PassphraseWrappedKeys> {
  const sodium = await getSodium();
  const salt = sodium.randombytes_buf(KDF_SALT_BYTES);
  const wrapKey = await passphraseKey(sodium, passphrase, salt, limits);
  const sealed = seal(sodium, keys, wrapKey, associatedData('passphrase', userId));
  sodium.memzero(wrapKey);
  const kdf: PassphraseWrappedKeys['kdf'] = {
    alg: 'argon2id13',
    opsLimit: limits.opsLimit,
    memLimit: limits.memLimit,
    salt: toBase64Url(salt),
  };
  return { v: 1, method: 'passphrase', kdf, ...sealed };
}

/**
 * Unwraps private keys with a passphrase, using the parameters stored in the blob (bounded:
 * ops ≤ 10, mem ≤ 256 MiB).
 * @throws CryptoError 'crypto.wrong-passphrase' (wrong passphrase or user), 'crypto.malformed',
 *   'crypto.unsupported-params'
 */
export async function unwrapWithPassphrase(
  wrapped: PassphraseWrappedKeys,
  passphrase: string,
  userId: string,
): Promise<UserKeys> {
  const parsed = PassphraseWrappedKeys.safeParse(wrapped);
  if (!parsed.success) throw new CryptoError('crypto.malformed', 'invalid passphrase-wrapped keys');
  const sodium = await getSodium();
  const wrapKey = await passphraseKey(sodium, passphrase, fromBase64Url(parsed.data.kdf.salt), parsed.data.kdf);
  try {
    return open(sodium, parsed.data, wrapKey, associatedData('passphrase', userId), 'crypto.wrong-passphrase');
  } finally {
    sodium.memzero(wrapKey);
  }
}

async function recoveryWrapKey(sodium: Sodium, recoveryKey: Uint8Array): Promise<Uint8Array> {
  if (recoveryKey.length !== RECOVERY_KEY_BYTES)
    throw new CryptoError('crypto.malformed', 'recovery key must be 32 bytes');
  // The displayed secret is not used as a cipher key directly: a keyed BLAKE2b derives one.
  return sodium.crypto_generichash(32, RECOVERY_WRAP_TAG, recoveryKey);
}

/**
 * Wraps a user's private keys under a 32-byte recovery key (see `generateRecoveryKey`) with
 * XChaCha20-Poly1305 (nonce 24 bytes), AD = version, method and `userId`.
 */
export async function wrapWithRecoveryKey(
  keys: UserKeys,
  recoveryKey: Uint8Array,
  userId: string,
): Promise<RecoveryWrappedKeys> {
  const sodium = await getSodium();
  const wrapKey = await recoveryWrapKey(sodium, recoveryKey);
  const sealed = seal(sodium, keys, wrapKey, associatedData('recovery-key', userId));
  sodium.memzero(wrapKey);
  return { v: 1, method: 'recovery-key', ...sealed };
}

/**
 * Unwraps private keys with the 32-byte recovery key (from `parseRecoveryKey`, which catches typos).
 * @throws CryptoError 'crypto.wrong-recovery-key' (wrong key or user), 'crypto.malformed'
 */
export async function unwrapWithRecoveryKey(
  wrapped: RecoveryWrappedKeys,
  recoveryKey: Uint8Array,
  userId: string,
): Promise<UserKeys> {
  const parsed = RecoveryWrappedKeys.safeParse(wrapped);
  if (!parsed.success) throw new CryptoError('crypto.malformed', 'invalid recovery-wrapped keys');
  const sodium = await getSodium();
  const wrapKey = await recoveryWrapKey(sodium, recoveryKey);
  try {
    return open(sodium, parsed.data, wrapKey, associatedData('recovery-key', userId), 'crypto.wrong-recovery-key');
  } finally {
    sodium.memzero(wrapKey);
  }
}

async function exportWrapKey(sodium: Sodium, exportKey: Uint8Array): Promise<Uint8Array> {
  if (exportKey.length !== EXPORT_KEY_BYTES)
    throw new CryptoError('crypto.malformed', 'an OPAQUE export key is 64 bytes');
  // Its own context: the export key itself is never a cipher key, and no other use derives this one.
  return sodium.crypto_generichash(32, EXPORT_KEY_WRAP_TAG, exportKey);
}

/**
 * Wraps a user's private keys under OPAQUE's export key (64 bytes, known only to a client that
 * knows the password): keyed BLAKE2b with the context "focalnet/opaque-export-key-wrap/v1"
 * derives the XChaCha20-Poly1305 key (nonce 24 bytes), AD = version, method and `userId`.
 */
export async function wrapWithExportKey(
  keys: UserKeys,
  exportKey: Uint8Array,
  userId: string,
): Promise<ExportKeyWrappedKeys> {
  const sodium = await getSodium();
  const wrapKey = await exportWrapKey(sodium, exportKey);
  const sealed = seal(sodium, keys, wrapKey, associatedData('export-key', userId));
  sodium.memzero(wrapKey);
  return { v: 1, method: 'export-key', ...sealed };
}

/**
 * Unwraps private keys with OPAQUE's export key (64 bytes).
 * @throws CryptoError 'crypto.wrong-passphrase' (another password's export key, or another user), 'crypto.malformed'
 */
export async function unwrapWithExportKey(
  wrapped: ExportKeyWrappedKeys,
  exportKey: Uint8Array,
  userId: string,
): Promise<UserKeys> {
  const parsed = ExportKeyWrappedKeys.safeParse(wrapped);
  if (!parsed.success) throw new CryptoError('crypto.malformed', 'invalid export-key-wrapped keys');
  const sodium = await getSodium();
  const wrapKey = await exportWrapKey(sodium, exportKey);
  try {
    return open(sodium, parsed.data, wrapKey, associatedData('export-key', userId), 'crypto.wrong-passphrase');
  } finally {
    sodium.memzero(wrapKey);
  }
}

/**
 * Both wrappings at once, as stored beside the user record at enrolment or key rotation.
 * `exportKey`: OPAQUE's, 64 bytes; `recoveryKey`: 32 bytes (see `generateRecoveryKey`).
 */
export async function wrapForStorage(
  keys: UserKeys,
  exportKey: Uint8Array,
  recoveryKey: Uint8Array,
  userId: string,
): Promise<StoredWrappedKeys> {
  return {
    exportKey: await wrapWithExportKey(keys, exportKey, userId),
    recovery: await wrapWithRecoveryKey(keys, recoveryKey, userId),
  };
}
