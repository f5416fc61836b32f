import { z } from 'zod';
import { base64UrlBytes } from './encoding.js';

// Formats only: the server stores these blobs and hands them back; wrapping and unwrapping
// live in key-wrap.ts, which the server cannot import.

/** Salt for crypto_pwhash: 16 bytes. */
export const KDF_SALT_BYTES = 16;
/** XChaCha20-Poly1305 nonce: 24 bytes. */
export const WRAP_NONCE_BYTES = 24;
/** Wrapped plaintext: Ed25519 private key (64 bytes) ‖ X25519 private key (32 bytes). */
export const WRAPPED_SECRET_BYTES = 64 + 32;
/** Ciphertext: the secret plus a 16-byte Poly1305 tag. */
export const WRAPPED_CIPHERTEXT_BYTES = WRAPPED_SECRET_BYTES + 16;

/**
 * Private keys wrapped under a passphrase: argon2id parameters (`memLimit` in bytes, salt 16
 * bytes), nonce (24 bytes) and ciphertext (112 bytes); binary fields base64url, no padding.
 */
export const PassphraseWrappedKeys = z
  .object({
    v: z.literal(1),
    method: z.literal('passphrase'),
    kdf: z
      .object({
        alg: z.literal('argon2id13'),
        opsLimit: z.number().int().positive(),
        memLimit: z.number().int().positive(),
        salt: base64UrlBytes(KDF_SALT_BYTES),
      })
      .strict(),
    nonce: base64UrlBytes(WRAP_NONCE_BYTES),
    ciphertext: base64UrlBytes(WRAPPED_CIPHERTEXT_BYTES),
  })
  .strict();
export type PassphraseWrappedKeys = z.infer<typeof PassphraseWrappedKeys>;

/** Private keys wrapped under the recovery key: nonce (24 bytes) and ciphertext (112 bytes), base64url. */
export const RecoveryWrappedKeys = z
  .object({
    v: z.literal(1),
    method: z.literal('recovery-key'),
    nonce: base64UrlBytes(WRAP_NONCE_BYTES),
    ciphertext: base64UrlBytes(WRAPPED_CIPHERTEXT_BYTES),
  })
  .strict();
export type RecoveryWrappedKeys = z.infer<typeof RecoveryWrappedKeys>;

/**
 * Private keys wrapped under a key derived from OPAQUE's export key (which only a client that
 * knows the password obtains; the server never sees it): nonce (24 bytes) and ciphertext (112
 * bytes), base64url.
 */
export const ExportKeyWrappedKeys = z
  .object({
    v: z.literal(1),
    method: z.literal('export-key'),
    nonce: base64UrlBytes(WRAP_NONCE_BYTES),
    ciphertext: base64UrlBytes(WRAPPED_CIPHERTEXT_BYTES),
  })
  .strict();
export type ExportKeyWrappedKeys = z.infer<typeof ExportKeyWrappedKeys>;

/** Any wrapped form. */
export const WrappedKeys = z.discriminatedUnion('method', [
  PassphraseWrappedKeys,
  RecoveryWrappedKeys,
  ExportKeyWrappedKeys,
]);
export type WrappedKeys = z.infer<typeof WrappedKeys>;

/** What is stored beside a user record: the same private keys wrapped under the export key and the recovery key. */
export const StoredWrappedKeys = z.object({ exportKey: ExportKeyWrappedKeys, recovery: RecoveryWrappedKeys }).strict();
export type StoredWrappedKeys = z.infer<typeof StoredWrappedKeys>;

/** What accounts made before OPAQUE hold until their next sign-in upgrades them: the password wrapping. */
export const LegacyStoredWrappedKeys = z
  .object({ passphrase: PassphraseWrappedKeys, recovery: RecoveryWrappedKeys })
  .strict();
export type LegacyStoredWrappedKeys = z.infer<typeof LegacyStoredWrappedKeys>;

/** Either, as `GET /api/me/wrapped-keys` answers. */
export const AnyStoredWrappedKeys = z.union([StoredWrappedKeys, LegacyStoredWrappedKeys]);
export type AnyStoredWrappedKeys = z.infer<typeof AnyStoredWrappedKeys>;
