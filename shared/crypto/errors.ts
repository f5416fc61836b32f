/**
 * Every way a crypto operation can fail, as a closed union: callers switch on `code`, never on
 * message text. Messages are for logs and may name the field but never key material.
 */
export const CRYPTO_ERROR_CODES = [
  /** Input does not match its format (schema, length, padding, JSON). */
  'crypto.malformed',
  /** A base64url string is not canonical unpadded base64url. */
  'crypto.bad-encoding',
  /** The Ed25519 signature does not verify against the expected key. */
  'crypto.bad-signature',
  /** The envelope holds no sealed key for this user, or the user is neither sender nor recipient. */
  'crypto.not-a-recipient',
  /** Authenticated content disagrees with the header (re-labelled, re-addressed or forwarded). */
  'crypto.header-mismatch',
  /** Authenticated decryption failed: wrong key or modified ciphertext. */
  'crypto.decrypt-failed',
  /** The payload would not fit the envelope size limits. */
  'crypto.too-large',
  /** Private keys could not be unwrapped with this passphrase (or for this user). */
  'crypto.wrong-passphrase',
  /** Private keys could not be unwrapped with this recovery key (or for this user). */
  'crypto.wrong-recovery-key',
  /** A typed recovery key has bad characters, a bad length or a checksum mismatch. */
  'crypto.recovery-key-typo',
  /** Stored key-derivation parameters are unknown or outside safe bounds. */
  'crypto.unsupported-params',
  /** An attachment stream ended before its final chunk. */
  'crypto.truncated-stream',
  /** An attachment stream has data after its final chunk. */
  'crypto.trailing-data',
] as const;

export type CryptoErrorCode = (typeof CRYPTO_ERROR_CODES)[number];

/** A failure of a crypto operation, identified by a closed code. */
export class CryptoError extends Error {
  override readonly name = 'CryptoError';

  constructor(
    readonly code: CryptoErrorCode,
    message: string = code,
  ) {
    super(message);
  }
}

/** True if `error` is a CryptoError (with `code`, when given). */
export function isCryptoError(error: unknown, code?: CryptoErrorCode): error is CryptoError {
  return error instanceof CryptoError && (code === undefined || error.code === code);
}
