import { z } from 'zod';
import { getSodium } from './sodium.js';
import { base64UrlBytes, concatBytes, domainTag, fromBase64Url } from './encoding.js';

/** Ed25519 public key: 32 bytes. */
export const ED25519_PUBLIC_KEY_BYTES = 32;
/** X25519 public key: 32 bytes. */
export const X25519_PUBLIC_KEY_BYTES = 32;
/** Ed25519 signature: 64 bytes. */
export const ED25519_SIGNATURE_BYTES = 64;

/** Ed25519 public key, 32 bytes as 43 base64url characters. */
export const IdentityKeyString = base64UrlBytes(ED25519_PUBLIC_KEY_BYTES);
/** X25519 public key, 32 bytes as 43 base64url characters. */
export const EncryptionKeyString = base64UrlBytes(X25519_PUBLIC_KEY_BYTES);
/** Ed25519 signature, 64 bytes as 86 base64url characters. */
export const SignatureString = base64UrlBytes(ED25519_SIGNATURE_BYTES);

/**
 * A user's public keys as published in the directory (all base64url, no padding):
 * `identityKey` Ed25519 (32 bytes), `encryptionKey` X25519 (32 bytes), `encryptionKeySig`
 * Ed25519 signature (64 bytes) by the identity key over `encryptionKeySignedMessage`.
 */
export const PublicKeyBundle = z
  .object({
    identityKey: IdentityKeyString,
    encryptionKey: EncryptionKeyString,
    encryptionKeySig: SignatureString,
  })
  .strict();
export type PublicKeyBundle = z.infer<typeof PublicKeyBundle>;

const ENC_KEY_TAG = domainTag('focalnet/enc-key/v1');

/**
 * The message an identity key signs to vouch for an encryption key:
 * "focalnet/enc-key/v1" ‖ 0x00 ‖ X25519 public key (32 bytes).
 */
export function encryptionKeySignedMessage(encryptionPublicKey: Uint8Array): Uint8Array {
  return concatBytes(ENC_KEY_TAG, encryptionPublicKey);
}

/**
 * True if the bundle is well formed and its encryption key is signed by its identity key.
 * Never throws: malformed input is simply not valid. Used by the server at registration and
 * by clients before encrypting to a directory key.
 */
export async function verifyKeyBundle(bundle: PublicKeyBundle): Promise<boolean> {
  const parsed = PublicKeyBundle.safeParse(bundle);
  if (!parsed.success) return false;
  const sodium = await getSodium();
  const identityKey = fromBase64Url(parsed.data.identityKey);
  const encryptionKey = fromBase64Url(parsed.data.encryptionKey);
  const signature = fromBase64Url(parsed.data.encryptionKeySig);
  return sodium.crypto_sign_verify_detached(signature, encryptionKeySignedMessage(encryptionKey), identityKey);
}
